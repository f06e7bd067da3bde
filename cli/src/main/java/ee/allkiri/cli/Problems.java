package ee.allkiri.cli;

import ee.allkiri.core.Provenance;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Says in a few words why a file could not be read or written: the operating system's reason, not a Java class name. */
final class Problems {

    private Problems() {
    }

    /** The kind of read failure, for the report. */
    static Provenance.Unreadable kind(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Provenance.Unreadable.NOT_FOUND;
        }
        if (e instanceof AccessDeniedException) {
            return Provenance.Unreadable.PERMISSION_DENIED;
        }
        return Provenance.Unreadable.IO_ERROR;
    }

    /** The reason alone, e.g. {@code permission denied}. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getReason() == null ? "not found" : "not found (" + missing.getReason() + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "a symbolic link loop";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return lowerFirst(fs.getReason());
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : lowerFirst(message);
    }

    /** A one-line message for any failure: for file errors the file and the reason. */
    static String oneLine(Throwable e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String other = fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile();
            return fs.getFile() + other + ": " + reason(fs);
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1))) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
