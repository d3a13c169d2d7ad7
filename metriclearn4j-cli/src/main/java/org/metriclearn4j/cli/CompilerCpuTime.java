package org.metriclearn4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time of the JVM's JIT compiler threads, read per thread from Linux's {@code
 * /proc/self/task/<tid>/schedstat} (nanoseconds on the CPU) for the threads whose name ({@code
 * comm}) contains {@code CompilerThre} (HotSpot's {@code C1 CompilerThread0}, {@code C2
 * CompilerThread0}, truncated to 15 characters by the kernel). Where {@code /proc} is missing (not
 * Linux) every snapshot is empty and {@link #since} returns 0, so a measurement then counts the
 * whole process.
 *
 * @param nanosByThread CPU nanoseconds of each compiler thread, by thread id, at the snapshot
 */
record CompilerCpuTime(Map<String, Long> nanosByThread) {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final String COMPILER_THREAD = "CompilerThre";

  /** Nanoseconds per clock tick of {@code /proc} ({@code USER_HZ} = 100 on Linux). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /**
   * Reads the compiler threads' CPU times now.
   *
   * @return the snapshot (empty where {@code /proc/self/task} does not exist)
   * @throws UncheckedIOException if {@code /proc/self/task} exists but cannot be listed
   */
  static CompilerCpuTime now() {
    Map<String, Long> nanos = new HashMap<>();
    if (!Files.isDirectory(TASKS)) {
      return new CompilerCpuTime(nanos);
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8);
          if (name.contains(COMPILER_THREAD)) {
            String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
            nanos.put(task.getFileName().toString(), cpuNanos(stat));
          }
        } catch (NoSuchFileException ended) {
          // the thread ended while the directory was read: it no longer runs
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the JIT compiler threads' CPU time from " + TASKS, e);
    }
    return new CompilerCpuTime(nanos);
  }

  /**
   * Returns the CPU nanoseconds the compiler threads used since {@code earlier}: for each compiler
   * thread alive now, its time now minus its time then (0 for a thread started since). A compiler
   * thread that ended in between is not counted, so the result never exceeds the true figure.
   *
   * @param earlier an earlier snapshot
   * @return the nanoseconds, {@code >= 0}
   */
  long since(CompilerCpuTime earlier) {
    long total = 0;
    for (Map.Entry<String, Long> thread : nanosByThread.entrySet()) {
      total +=
          Math.max(0, thread.getValue() - earlier.nanosByThread.getOrDefault(thread.getKey(), 0L));
    }
    return total;
  }

  /**
   * Returns the user plus system CPU time of a {@code /proc/<pid>/task/<tid>/stat} line, in
   * nanoseconds: fields 14 and 15 (clock ticks), counted after the name in parentheses (which may
   * itself hold spaces and parentheses).
   */
  static long cpuNanos(String stat) {
    int close = stat.lastIndexOf(')');
    String[] fields = close < 0 ? new String[0] : stat.substring(close + 1).trim().split(" ");
    // fields[0] is field 3 (the state), so utime (field 14) is fields[11] and stime fields[12]
    try {
      if (fields.length < 13) {
        throw new NumberFormatException("too few fields");
      }
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "stat: expected a /proc task stat line with utime and stime as fields 14 and 15, found '"
              + stat.trim()
              + "'",
          e);
    }
  }
}
