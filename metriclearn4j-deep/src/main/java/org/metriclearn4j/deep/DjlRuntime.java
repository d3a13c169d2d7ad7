package org.metriclearn4j.deep;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;

/**
 * The single entry point to the DJL PyTorch engine for the whole module: it keeps DJL offline, opts
 * out of DJL's usage tracking and applies explicit thread counts before the engine starts.
 *
 * <h2>Offline</h2>
 *
 * <p>Loading this class sets the system property {@value #OFFLINE_PROPERTY}{@code =true} unless the
 * caller already set it, and the property {@value #TRACKING_OPT_OUT}{@code =true} unless it is set
 * (DJL reads that name from the environment or from the system properties). Every class of this
 * module that touches DJL goes through {@link #engine()} or {@link #newManager()} first, so both
 * properties are in place before any DJL engine class loads. The PyTorch native library then comes
 * from the {@code pytorch-native-cpu} jar on the class path: DJL extracts it into its cache
 * directory ({@code ~/.djl.ai} unless {@code DJL_CACHE_DIR} says otherwise) on first use and never
 * downloads anything. {@link #nativeLibraryDirectory()} tells where the library was loaded from.
 *
 * <p>Anything that launches a JVM using this module should still export the environment variable
 * {@code OPT_OUT_TRACKING=true} and pass {@code -Dai.djl.offline=true}, so that code which reaches
 * DJL without this class (another library in the same JVM) stays offline too.
 *
 * <h2>Threads</h2>
 *
 * <p>libtorch uses an intra-op pool (one operator split over threads) and an inter-op pool. {@link
 * #configureThreads(ThreadOptions)} sets both through the properties {@value #NUM_THREADS_PROPERTY}
 * and {@value #NUM_INTEROP_THREADS_PROPERTY} before the engine starts; once it runs, only the
 * intra-op count can still change (libtorch fixes the inter-op pool at its first parallel
 * operation). Numbers can differ in the last bits between thread counts because libtorch splits
 * reductions differently; results are exactly reproducible for a fixed seed and thread count.
 */
public final class DjlRuntime {
  /** System property that stops DJL from downloading anything: {@value}. */
  public static final String OFFLINE_PROPERTY = "ai.djl.offline";

  /** Environment variable or system property that turns off DJL's usage tracking: {@value}. */
  public static final String TRACKING_OPT_OUT = "OPT_OUT_TRACKING";

  /** System property read by the PyTorch engine at start: intra-op threads, {@value}. */
  public static final String NUM_THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

  /** System property read by the PyTorch engine at start: inter-op threads, {@value}. */
  public static final String NUM_INTEROP_THREADS_PROPERTY = "ai.djl.pytorch.num_interop_threads";

  /** The DJL name of the engine this module runs on. */
  public static final String ENGINE_NAME = "PyTorch";

  private static volatile boolean started;

  static {
    ensureOffline();
  }

  private DjlRuntime() {}

  /**
   * Sets {@value #OFFLINE_PROPERTY} and {@value #TRACKING_OPT_OUT} to {@code true} where the caller
   * has not set them. Idempotent; called automatically when this class loads.
   */
  public static void ensureOffline() {
    if (System.getProperty(OFFLINE_PROPERTY) == null) {
      System.setProperty(OFFLINE_PROPERTY, "true");
    }
    if (System.getenv(TRACKING_OPT_OUT) == null && System.getProperty(TRACKING_OPT_OUT) == null) {
      System.setProperty(TRACKING_OPT_OUT, "true");
    }
  }

  /**
   * Tells whether DJL runs offline in this JVM, i.e. {@value #OFFLINE_PROPERTY} is {@code true}.
   *
   * @return {@code true} when DJL will not download anything
   */
  public static boolean isOffline() {
    return Boolean.parseBoolean(System.getProperty(OFFLINE_PROPERTY));
  }

  /**
   * Tells whether DJL's usage tracking is turned off, by the environment or a system property.
   *
   * @return {@code true} when {@value #TRACKING_OPT_OUT} is {@code true}
   */
  public static boolean isTrackingOptedOut() {
    String env = System.getenv(TRACKING_OPT_OUT);
    return Boolean.parseBoolean(env != null ? env : System.getProperty(TRACKING_OPT_OUT));
  }

  /**
   * Sets the libtorch thread counts. Before the engine has started both counts are applied through
   * system properties; afterwards the intra-op count is changed in place and the inter-op count
   * must equal the one in use.
   *
   * @param options the thread counts
   * @throws IllegalStateException if the engine already runs with a different inter-op count
   */
  public static synchronized void configureThreads(ThreadOptions options) {
    if (!started) {
      System.setProperty(NUM_THREADS_PROPERTY, Integer.toString(options.numThreads()));
      System.setProperty(
          NUM_INTEROP_THREADS_PROPERTY, Integer.toString(options.numInteropThreads()));
      return;
    }
    int interop = JniUtils.getNumInteropThreads();
    if (interop != options.numInteropThreads()) {
      throw new IllegalStateException(
          "numInteropThreads: the PyTorch engine already runs with "
              + interop
              + " inter-op threads and cannot switch to "
              + options.numInteropThreads()
              + "; configure threads before the first use of the engine");
    }
    JniUtils.setNumThreads(options.numThreads());
  }

  /**
   * Returns the thread counts the running engine uses, starting it if needed.
   *
   * @return the intra-op and inter-op thread counts
   */
  public static ThreadOptions threads() {
    engine();
    return new ThreadOptions(JniUtils.getNumThreads(), JniUtils.getNumInteropThreads());
  }

  /**
   * Returns the PyTorch engine, starting it offline on first use.
   *
   * @return the engine
   * @throws IllegalStateException if the engine cannot start, e.g. the native jar is missing from
   *     the class path while DJL is offline
   */
  public static synchronized Engine engine() {
    ensureOffline();
    try {
      Engine engine = Engine.getEngine(ENGINE_NAME);
      started = true;
      return engine;
    } catch (EngineException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the DJL PyTorch engine did not start offline (ai.djl.offline="
              + System.getProperty(OFFLINE_PROPERTY)
              + "); it needs ai.djl.pytorch:pytorch-jni and ai.djl.pytorch:pytorch-native-cpu"
              + " (classifier of this platform) on the class path",
          e);
    }
  }

  /**
   * Creates a new root {@link NDManager} on the CPU. The caller closes it.
   *
   * @return a new manager
   */
  public static NDManager newManager() {
    return engine().newBaseManager(Device.cpu());
  }

  /**
   * Seeds libtorch's global generator (weight initialisation, dropout, random arrays).
   *
   * @param seed the seed
   */
  public static void setSeed(long seed) {
    engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
  }

  /**
   * Returns the directory the PyTorch native library was loaded from, starting the engine if
   * needed.
   *
   * @return the directory holding {@code libtorch}
   */
  public static String nativeLibraryDirectory() {
    engine();
    return LibUtils.getLibtorchPath();
  }

  /**
   * Returns the version of libtorch in use, starting the engine if needed.
   *
   * @return the libtorch version, e.g. {@code "2.7.1"}
   */
  public static String engineVersion() {
    return engine().getVersion();
  }
}
