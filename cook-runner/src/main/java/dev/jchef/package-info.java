/**
 * jchef's entry point, {@link dev.jchef.Jchef}: prepare a Cargo workspace's recipe, cook it in a
 * build directory, build the real sources on top.
 *
 * <pre>{@code
 * Recipe recipe = Jchef.prepare(workspace);
 * CookResult cooked = Jchef.cook(build).release().run(recipe);
 * System.out.println(cooked.summary());
 * RealBuild.Report real = Jchef.cook(build).release().build();   // after copying the sources in
 * }</pre>
 */
package dev.jchef;
