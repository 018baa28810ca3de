package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * jchef's library API, as module-info declares it: what it exports to everyone is at most a
 * quarter of its types, carries no Guava, JGit or jchef-internal type in a public signature, and
 * neither Guava nor JGit is required transitively.
 */
class ApiSurfaceTest {
  private static final List<String> MODULES = List.of("cargo-model", "recipe", "skeleton", "cook-runner", "oci-cache");
  private static final Pattern EXPORT_TO_ALL = Pattern.compile("^\\s*exports ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile("^public (?:final |abstract |sealed |non-sealed )*(?:class|record|interface|enum|@interface) ", Pattern.MULTILINE);

  @Test
  void atMostAQuarterOfTheLibrarysTypesAreApi() throws IOException {
    List<String> api = apiTypes();
    int all = 0;
    for (String module : MODULES) {
      all += mainSources(module).size();
    }

    assertTrue(api.size() * 4 <= all, api.size() + " of " + all + " types are API: " + api);
  }

  @Test
  void noGuavaOrJgitTypeIsRequiredTransitively() throws IOException {
    for (String module : MODULES) {
      String info = Files.readString(Path.of("..", module, "src/main/java/module-info.java"));
      assertFalse(info.matches("(?s).*requires transitive (com\\.google\\.common|org\\.eclipse\\.jgit)\\b.*"), module + ": " + info);
    }
  }

  @Test
  void publicSignaturesUseOnlyJavaAndExportedTypes() throws Exception {
    Set<String> exported = new TreeSet<>();
    for (String module : MODULES) {
      exported.addAll(exportedPackages(module));
    }
    List<String> leaks = new ArrayList<>();
    for (String name : apiTypes()) {
      check(Class.forName(name), exported, leaks);
    }

    assertEquals(List.of(), leaks);
  }

  @Test
  void theListenerAndItsEventsAreApi() throws IOException {
    List<String> api = apiTypes();

    assertTrue(api.containsAll(List.of("dev.jchef.Jchef", "dev.jchef.cook.CookListener", "dev.jchef.cook.CookEvent")), api.toString());
  }

  private static void check(Class<?> type, Set<String> exported, List<String> leaks) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return;
    }
    List<Type> used = new ArrayList<>();
    if (type.getGenericSuperclass() != null) {
      used.add(type.getGenericSuperclass());
    }
    used.addAll(List.of(type.getGenericInterfaces()));
    for (Field field : type.getDeclaredFields()) {
      if (visible(field.getModifiers())) {
        used.add(field.getGenericType());
      }
    }
    List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
    executables.addAll(List.<Constructor<?>>of(type.getDeclaredConstructors()));
    for (Executable executable : executables) {
      if (visible(executable.getModifiers()) && !executable.isSynthetic()) {
        used.addAll(List.of(executable.getGenericParameterTypes()));
        used.addAll(List.of(executable.getGenericExceptionTypes()));
        if (executable instanceof Method method) {
          used.add(method.getGenericReturnType());
        }
      }
    }
    for (Type use : used) {
      for (Class<?> named : classesIn(use)) {
        Class<?> outer = named;
        while (outer.getEnclosingClass() != null) {
          outer = outer.getEnclosingClass();
        }
        String pkg = outer.getPackageName();
        boolean java = pkg.startsWith("java.");
        if (!java && !(exported.contains(pkg) && Modifier.isPublic(named.getModifiers()))) {
          leaks.add(type.getName() + " uses " + named.getName());
        }
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      check(nested, exported, leaks);
    }
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static List<Class<?>> classesIn(Type type) {
    List<Class<?>> classes = new ArrayList<>();
    if (type instanceof Class<?> c) {
      Class<?> element = c;
      while (element.isArray()) {
        element = element.getComponentType();
      }
      if (!element.isPrimitive()) {
        classes.add(element);
      }
    } else if (type instanceof ParameterizedType p) {
      classes.addAll(classesIn(p.getRawType()));
      for (Type argument : p.getActualTypeArguments()) {
        classes.addAll(classesIn(argument));
      }
    } else if (type instanceof WildcardType w) {
      Stream.of(w.getUpperBounds()).forEach(b -> classes.addAll(classesIn(b)));
      Stream.of(w.getLowerBounds()).forEach(b -> classes.addAll(classesIn(b)));
    } else if (type instanceof GenericArrayType a) {
      classes.addAll(classesIn(a.getGenericComponentType()));
    }
    return classes;
  }

  /** The public top-level types of the packages the modules export to everyone. */
  private static List<String> apiTypes() throws IOException {
    List<String> api = new ArrayList<>();
    for (String module : MODULES) {
      Set<String> exported = exportedPackages(module);
      for (Path source : mainSources(module)) {
        String text = Files.readString(source);
        Matcher pkg = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(text);
        assertTrue(pkg.find(), source.toString());
        if (exported.contains(pkg.group(1)) && PUBLIC_TYPE.matcher(text).find()) {
          api.add(pkg.group(1) + "." + source.getFileName().toString().replace(".java", ""));
        }
      }
    }
    return api;
  }

  private static Set<String> exportedPackages(String module) throws IOException {
    Matcher exports = EXPORT_TO_ALL.matcher(Files.readString(Path.of("..", module, "src/main/java/module-info.java")));
    Set<String> packages = new TreeSet<>();
    while (exports.find()) {
      packages.add(exports.group(1));
    }
    return packages;
  }

  private static List<Path> mainSources(String module) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("..", module, "src/main/java"))) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().equals("module-info.java") && !f.getFileName().toString().equals("package-info.java"))
          .sorted()
          .toList();
    }
  }
}
