package org.vmbhyve.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The third-party libraries only a few commands need (Jackson for {@code --json}, xz and
 * commons-compress to unpack downloads) stay off the class path: from JDK 21 on, the first
 * process a command starts makes the JDK look for a logging provider in every jar on the class
 * path, which with the ten jars these bring cost about 15 ms of every {@code vm list}. Their
 * only users, the classes of {@code org.vmbhyve.bridge}, are created here in a class loader
 * that sees {@code lib/} beside the jar. Run from a build tree (the unit tests), everything is
 * on the class path already and the bridges load as any class.
 */
public final class Libraries {

    private static final String BRIDGES = "org.vmbhyve.bridge.";

    private Libraries() {
    }

    /** A new instance of the bridge class NAME, which implements TYPE. */
    public static <T> T create(Class<T> type, String name) {
        if (!name.startsWith(BRIDGES)) {
            throw new IllegalArgumentException(name + " is not a bridge class");
        }
        try {
            return type.cast(Class.forName(name, true, Loader.INSTANCE).getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("unable to load " + name + " (is lib/ beside vm-bhyve.jar complete?)", e);
        }
    }

    /** Made on first use only: a command that needs no library never lists lib/. */
    private static final class Loader {
        static final ClassLoader INSTANCE = make();

        private static ClassLoader make() {
            ClassLoader app = Libraries.class.getClassLoader();
            Path jar;
            try {
                jar = Path.of(Libraries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | SecurityException e) {
                return app;
            }
            Path lib = jar.resolveSibling("lib");
            if (Files.isDirectory(jar) || !Files.isDirectory(lib)) {
                return app;
            }
            try (Stream<Path> files = Files.list(lib)) {
                List<URL> urls = new ArrayList<>();
                for (Path file : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(file.toUri().toURL());
                }
                return new BridgeLoader(urls.toArray(URL[]::new), app);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Defines the bridge classes itself, from the jar's bytes, so that the libraries they name
     * resolve here; everything else (the JDK, the rest of vm) comes from the parent as usual.
     */
    private static final class BridgeLoader extends URLClassLoader {

        BridgeLoader(URL[] libraries, ClassLoader parent) {
            super(libraries, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(BRIDGES)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = defineBridge(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private Class<?> defineBridge(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
