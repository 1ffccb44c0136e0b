package org.hakoniwa.bridge.sim.spi;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars at test time: compiles one Java source file against the test classpath and packs
 * the classes with a {@code META-INF/services} entry, so that {@link java.util.ServiceLoader} finds them.
 */
public final class TestJars {
    private static final String SERVICES = "META-INF/services/";

    private TestJars() {
    }

    /**
     * Compiles {@code javaSource} (which declares {@code className}) and writes {@code dir/jarName} holding
     * its classes and a services file that lists {@code className} as a {@code providerInterface}.
     *
     * @return the jar's path
     */
    public static Path buildProviderJar(Path dir, String jarName, String className, String providerInterface,
            String javaSource) {
        Path work = null;
        try {
            work = Files.createTempDirectory("test-jar-");
            Path classes = Files.createDirectories(work.resolve("classes"));
            Path source = work.resolve("src").resolve(className.replace('.', '/') + ".java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, javaSource, UTF_8);
            compile(source, classes, providerInterface);
            Path jar = dir.resolve(jarName);
            writeJar(jar, classes, providerInterface, className);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    /**
     * A class loader that loads classes like the test's own but hides its {@code META-INF/services} files:
     * as the parent of plugin loaders it keeps providers of other modules on the test classpath out of sight.
     */
    public static ClassLoader withoutClasspathServices() {
        return new ServicesHidingClassLoader(TestJars.class.getClassLoader());
    }

    private static void compile(Path source, Path classes, String providerInterface) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler: run the tests on a JDK");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-classpath", classpath(providerInterface),
                    "-proc:none", "-implicit:none");
            boolean compiled = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(source)).call();
            if (!compiled) {
                throw new IllegalStateException("test plugin source does not compile: " + diagnostics.getDiagnostics()
                        .stream().map(Object::toString).collect(Collectors.joining("\n")));
            }
        }
    }

    /** The test classpath, with the provider interface's own jar or folder first in case the JVM hides it. */
    private static String classpath(String providerInterface) {
        List<String> entries = new ArrayList<>();
        try {
            Class<?> type = Class.forName(providerInterface, false, TestJars.class.getClassLoader());
            String location = ProviderSelector.location(type);
            if (!location.equals("(classpath)")) {
                entries.add(location);
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no such provider interface on the test classpath: "
                    + providerInterface, e);
        }
        entries.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        return String.join(File.pathSeparator, entries);
    }

    private static void writeJar(Path jar, Path classes, String providerInterface, String className)
            throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<Path> classFiles;
        try (Stream<Path> walk = Files.walk(classes)) {
            classFiles = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (Path file : classFiles) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
            jarOut.putNextEntry(new JarEntry(SERVICES + providerInterface));
            jarOut.write((className + "\n").getBytes(UTF_8));
            jarOut.closeEntry();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ServicesHidingClassLoader extends ClassLoader {
        ServicesHidingClassLoader(ClassLoader parent) {
            super("test classpath without services", parent);
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith(SERVICES) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith(SERVICES) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
