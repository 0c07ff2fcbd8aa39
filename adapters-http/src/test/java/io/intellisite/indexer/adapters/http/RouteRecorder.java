package io.intellisite.indexer.adapters.http;

import io.helidon.webserver.http.HttpRules;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** An HttpRules that records the routes a service declares ("GET /rules/{id}") instead of serving them. */
final class RouteRecorder {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    private RouteRecorder() {
    }

    static HttpRules under(String prefix, List<String> routes) {
        return (HttpRules) Proxy.newProxyInstance(HttpRules.class.getClassLoader(), new Class<?>[] {HttpRules.class},
                (proxy, method, args) -> {
                    if (METHODS.contains(method.getName()) && args != null && args.length > 0 && args[0] instanceof String path) {
                        routes.add(method.getName().toUpperCase(Locale.ROOT) + " " + join(prefix, path));
                        return proxy;
                    }
                    // A route declared some other way would go unseen: make the test say so rather than miss it.
                    throw new AssertionError("a routing call the recorder does not read: " + method);
                });
    }

    private static String join(String prefix, String path) {
        return path.equals("/") ? prefix : prefix + path;
    }
}
