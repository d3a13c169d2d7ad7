package org.metriclearn4j.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Platform;
import ai.djl.util.Utils;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DjlRuntimeTest {

  @Test
  void offlineAndTrackingOptOutAreSetOnceTheRuntimeIsUsed() {
    DjlRuntime.ensureOffline();
    assertEquals("true", System.getProperty(DjlRuntime.OFFLINE_PROPERTY));
    assertTrue(DjlRuntime.isOffline());
    assertTrue(DjlRuntime.isTrackingOptedOut());
  }

  @Test
  void nativeLibraryComesFromTheJarOnTheClassPath() {
    // the pytorch-native-cpu jar carries native/lib/pytorch.properties; without it DJL would
    // treat the platform as a placeholder and try to download libtorch
    assertNotNull(DjlRuntime.class.getResource("/native/lib/pytorch.properties"));
    Platform platform = Platform.detectPlatform("pytorch");
    assertFalse(platform.isPlaceholder(), "the native jar must be on the class path");
    Path dir = Path.of(DjlRuntime.nativeLibraryDirectory());
    // extracted from the jar into DJL's cache, in the directory named after the jar's build
    assertEquals(Utils.getEngineCacheDir("pytorch").toAbsolutePath(), dir.getParent());
    assertTrue(
        dir.getFileName().toString().startsWith(DjlRuntime.engineVersion() + "-")
            && dir.getFileName().toString().contains("-cpu-"),
        dir.toString());
    assertTrue(Files.isRegularFile(dir.resolve(System.mapLibraryName("torch"))));
    assertTrue(platform.getVersion().startsWith(DjlRuntime.engineVersion()));
  }

  @Test
  void engineComputesOffline() {
    try (NDManager manager = DjlRuntime.newManager()) {
      NDArray a = manager.create(new float[] {1f, 2f, 3f});
      assertEquals(14f, a.mul(a).sum().getFloat(), 0f);
    }
  }

  @Test
  void seededEngineRepeatsItsRandomNumbers() {
    try (NDManager manager = DjlRuntime.newManager()) {
      DjlRuntime.setSeed(42);
      float[] first =
          manager.randomUniform(0f, 1f, new ai.djl.ndarray.types.Shape(5)).toFloatArray();
      DjlRuntime.setSeed(42);
      float[] second =
          manager.randomUniform(0f, 1f, new ai.djl.ndarray.types.Shape(5)).toFloatArray();
      assertTrue(java.util.Arrays.equals(first, second));
    }
  }

  @Test
  void intraOpThreadsCanChangeAfterStartButInterOpCannot() {
    ThreadOptions now = DjlRuntime.threads();
    DjlRuntime.configureThreads(new ThreadOptions(1, now.numInteropThreads()));
    assertEquals(1, DjlRuntime.threads().numThreads());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> DjlRuntime.configureThreads(new ThreadOptions(1, now.numInteropThreads() + 1)));
    assertTrue(String.valueOf(e.getMessage()).contains("inter-op"), String.valueOf(e.getMessage()));
  }

  @Test
  void threadOptionsRejectCountsBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ThreadOptions(0, 1));
    assertTrue(String.valueOf(e.getMessage()).contains("numThreads"));
    assertThrows(IllegalArgumentException.class, () -> new ThreadOptions(1, 0));
  }
}
