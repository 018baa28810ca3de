package dev.jchef.cache;

import static java.util.Objects.requireNonNull;

/**
 * A user name and password (or token) for a registry, given by the caller: from the environment
 * ({@code JCHEF_CACHE_USERNAME}, {@code JCHEF_CACHE_PASSWORD}) or a Maven {@code settings.xml}
 * {@code <server>}. Without one, jchef uses the credentials Docker and Podman keep ({@link
 * OciCookCache}). The password never appears in {@link #toString()}.
 */
public record RegistryLogin(String username, String password) {
  /**
   * @throws NullPointerException when {@code username} or {@code password} is null
   */
  public RegistryLogin {
    requireNonNull(username);
    requireNonNull(password);
  }

  @Override
  public String toString() {
    return "RegistryLogin[username=" + username + ", password=****]";
  }
}
