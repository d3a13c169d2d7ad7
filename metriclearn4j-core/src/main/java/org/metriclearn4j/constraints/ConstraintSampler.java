package org.metriclearn4j.constraints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.Parallelism;

/**
 * Draws weak supervision from class labels: the behaviour of metric-learn's {@code *_Supervised}
 * learners, with guarantees metric-learn lacks (distinct constraints, draws uniform over all
 * possible constraints, no endless retry loop, chunk counts checked up front).
 *
 * <p>Immutable; all randomness comes from the seed. Each method starts from a fresh generator
 * seeded with {@link #seed()}, so the same sampler, data and arguments always give the same
 * constraints, whatever else was drawn before. The returned constraints index the rows of the
 * dataset (all rows are kept as points).
 */
public final class ConstraintSampler {
  private final long seed;

  private ConstraintSampler(long seed) {
    this.seed = seed;
  }

  /**
   * Returns a sampler that draws with the given seed.
   *
   * @param seed the seed of every draw
   * @return the sampler
   */
  public static ConstraintSampler withSeed(long seed) {
    return new ConstraintSampler(seed);
  }

  /** Returns the seed of every draw. */
  public long seed() {
    return seed;
  }

  /**
   * Returns metric-learn's default number of constraints of each kind for {@code c} classes: {@code
   * 20 c^2} (used by ITML, SDML, MMC and LSML in their supervised forms).
   *
   * @param numClasses the number of classes present, {@code >= 1}
   * @return {@code 20 * numClasses^2}
   */
  public static int defaultConstraintCount(int numClasses) {
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses: expected >= 1, found " + numClasses);
    }
    return 20 * numClasses * numClasses;
  }

  /**
   * Draws distinct unordered pairs: {@code numSimilar} pairs of two different samples of one class
   * and {@code numDissimilar} pairs of samples of different classes, each uniformly among all such
   * pairs. When fewer distinct pairs exist than requested, all of them are returned (so the result
   * may be smaller than asked). Similar pairs come first, then dissimilar ones.
   *
   * @param data the labelled samples (all rows become the points of the pairs)
   * @param numSimilar the number of similar pairs, {@code >= 0}
   * @param numDissimilar the number of dissimilar pairs, {@code >= 0}
   * @return the pairs
   * @throws IllegalArgumentException if a count is negative, both are zero, or a requested kind
   *     cannot be drawn (no class with two samples for similar pairs, a single class for dissimilar
   *     pairs)
   */
  public Pairs pairs(LabeledDataset data, int numSimilar, int numDissimilar) {
    checkCount("numSimilar", numSimilar);
    checkCount("numDissimilar", numDissimilar);
    if (numSimilar == 0 && numDissimilar == 0) {
      throw new IllegalArgumentException(
          "numSimilar, numDissimilar: expected at least one pair in total, found 0 and 0");
    }
    SplittableRandom random = new SplittableRandom(seed);
    ClassIndex classes = new ClassIndex(data);
    long[] similar = numSimilar == 0 ? new long[0] : classes.similarPairs(numSimilar, random);
    long[] dissimilar =
        numDissimilar == 0 ? new long[0] : classes.dissimilarPairs(numDissimilar, random);
    int total = similar.length + dissimilar.length;
    int[] first = new int[total];
    int[] second = new int[total];
    boolean[] same = new boolean[total];
    for (int p = 0; p < total; p++) {
      long code = p < similar.length ? similar[p] : dissimilar[p - similar.length];
      first[p] = (int) (code >>> 32);
      second[p] = (int) code;
      same[p] = p < similar.length;
    }
    return Pairs.create(points(data), first, second, same);
  }

  /**
   * Draws distinct triplets {@code (a, p, n)} with {@code a != p} of one class and {@code n} of
   * another, uniformly among all such triplets; all of them when fewer exist than requested.
   *
   * @param data the labelled samples (all rows become the points)
   * @param numTriplets the number of triplets, {@code >= 1}
   * @return the triplets
   * @throws IllegalArgumentException if {@code numTriplets < 1} or no triplet exists (no class with
   *     two samples, or a single class)
   */
  public Triplets triplets(LabeledDataset data, int numTriplets) {
    if (numTriplets < 1) {
      throw new IllegalArgumentException("numTriplets: expected >= 1, found " + numTriplets);
    }
    if (data.size() >= (1 << 21)) {
      throw new IllegalArgumentException(
          "data: expected fewer than 2097152 samples for random triplets, found " + data.size());
    }
    ClassIndex classes = new ClassIndex(data);
    double[] weights = new double[classes.members.length];
    double total = 0;
    for (int c = 0; c < weights.length; c++) {
      double nc = classes.members[c].length;
      weights[c] = nc * (nc - 1) * (data.size() - nc);
      total += weights[c];
    }
    if (total == 0) {
      throw new IllegalArgumentException(
          "data: no triplet can be drawn: expected a class with at least two samples and at"
              + " least two classes, found class counts "
              + Arrays.toString(data.classCounts()));
    }
    SplittableRandom random = new SplittableRandom(seed);
    int n = data.size();
    int[] labels = data.labels();
    List<int[]> chosen = new ArrayList<>();
    if (total <= 2.0 * numTriplets) {
      for (int[] m : classes.members) {
        if (m.length < 2) {
          continue;
        }
        for (int a : m) {
          for (int p : m) {
            if (p == a) {
              continue;
            }
            for (int q = 0; q < n; q++) {
              if (labels[q] != labels[a]) {
                chosen.add(new int[] {a, p, q});
              }
            }
          }
        }
      }
      shufflePrefix(chosen, Math.min(numTriplets, chosen.size()), random);
      chosen = chosen.subList(0, Math.min(numTriplets, chosen.size()));
    } else {
      double[] cumulative = cumulative(weights);
      Set<Long> seen = new HashSet<>();
      while (chosen.size() < numTriplets) {
        int c = pick(cumulative, random);
        int[] m = classes.members[c];
        int ai = random.nextInt(m.length);
        int pi = random.nextInt(m.length - 1);
        if (pi >= ai) {
          pi++;
        }
        int q = classes.otherThan(c, random);
        int a = m[ai];
        int p = m[pi];
        long code = ((long) a << 42) | ((long) p << 21) | q;
        if (seen.add(code)) {
          chosen.add(new int[] {a, p, q});
        }
      }
    }
    int[] anchors = new int[chosen.size()];
    int[] positives = new int[chosen.size()];
    int[] negatives = new int[chosen.size()];
    for (int t = 0; t < chosen.size(); t++) {
      anchors[t] = chosen.get(t)[0];
      positives[t] = chosen.get(t)[1];
      negatives[t] = chosen.get(t)[2];
    }
    return Triplets.create(points(data), anchors, positives, negatives);
  }

  /**
   * Returns the nearest-neighbour triplets of SCML's supervised form: for every sample {@code a},
   * each of its {@code kGenuine} nearest samples of the same class (Euclidean; {@code a} itself
   * excluded) combined with each of its {@code kImpostor} nearest samples of other classes, so up
   * to {@code n * kGenuine * kImpostor} triplets. Ties in distance go to the lower index. A class
   * with fewer samples gives fewer neighbours. Deterministic (the seed is not used). Memory stays
   * {@code O(n (kGenuine + kImpostor))}: distances are computed one block of rows at a time.
   *
   * @param data the labelled samples (all rows become the points)
   * @param kGenuine same-class neighbours per sample, {@code >= 1}
   * @param kImpostor other-class neighbours per sample, {@code >= 1}
   * @return the triplets, grouped by anchor in row order
   * @throws IllegalArgumentException if a count is below 1 or no triplet exists
   */
  public static Triplets neighbourTriplets(LabeledDataset data, int kGenuine, int kImpostor) {
    if (kGenuine < 1) {
      throw new IllegalArgumentException("kGenuine: expected >= 1, found " + kGenuine);
    }
    if (kImpostor < 1) {
      throw new IllegalArgumentException("kImpostor: expected >= 1, found " + kImpostor);
    }
    int n = data.size();
    int d = data.dimension();
    int[] labels = data.labels();
    DMatrixRMaj x = new DMatrixRMaj(n, d, true, data.featuresRowMajor());
    double[] norms = Kernels.squaredRowNorms(x);
    int[][] genuine = new int[n][];
    int[][] impostors = new int[n][];
    int block = 64;
    int blocks = (n + block - 1) / block;
    Parallelism.blocks(blocks, (long) n * n * Math.max(1, d))
        .forEach(
            b -> {
              int start = b * block;
              int end = Math.min(n, start + block);
              double[] dist = new double[(end - start) * n];
              Kernels.squaredDistancesRows(x, norms, x, norms, start, end, dist, 0);
              for (int i = start; i < end; i++) {
                int off = (i - start) * n;
                NearestList same = new NearestList(kGenuine);
                NearestList other = new NearestList(kImpostor);
                for (int j = 0; j < n; j++) {
                  if (j == i) {
                    continue;
                  }
                  if (labels[j] == labels[i]) {
                    same.offer(j, dist[off + j]);
                  } else {
                    other.offer(j, dist[off + j]);
                  }
                }
                genuine[i] = same.indices();
                impostors[i] = other.indices();
              }
            });
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += genuine[i].length * impostors[i].length;
    }
    if (total == 0) {
      throw new IllegalArgumentException(
          "data: no triplet can be drawn: expected a class with at least two samples and at"
              + " least two classes, found class counts "
              + Arrays.toString(data.classCounts()));
    }
    int[] anchors = new int[total];
    int[] positives = new int[total];
    int[] negatives = new int[total];
    int t = 0;
    for (int i = 0; i < n; i++) {
      for (int g : genuine[i]) {
        for (int m : impostors[i]) {
          anchors[t] = i;
          positives[t] = g;
          negatives[t] = m;
          t++;
        }
      }
    }
    return Triplets.create(Points.wrap(n, d, x.data), anchors, positives, negatives);
  }

  /**
   * Draws quadruplets {@code (a, b, c, d)} as metric-learn's LSML_Supervised does: {@code
   * numQuadruplets} distinct similar pairs {@code (a, b)} and as many distinct dissimilar pairs
   * {@code (c, d)} (see {@link #pairs}), matched in draw order, so that each says a same-class pair
   * is closer than a different-class pair. When fewer pairs of either kind exist, the smaller count
   * is used.
   *
   * @param data the labelled samples (all rows become the points)
   * @param numQuadruplets the number of quadruplets, {@code >= 1}
   * @return the quadruplets, all of weight one
   * @throws IllegalArgumentException if {@code numQuadruplets < 1}, no class has two samples or
   *     there is a single class
   */
  public Quadruplets quadruplets(LabeledDataset data, int numQuadruplets) {
    if (numQuadruplets < 1) {
      throw new IllegalArgumentException("numQuadruplets: expected >= 1, found " + numQuadruplets);
    }
    SplittableRandom random = new SplittableRandom(seed);
    ClassIndex classes = new ClassIndex(data);
    long[] similar = classes.similarPairs(numQuadruplets, random);
    long[] dissimilar = classes.dissimilarPairs(numQuadruplets, random);
    int q = Math.min(similar.length, dissimilar.length);
    int[] a = new int[q];
    int[] b = new int[q];
    int[] c = new int[q];
    int[] d = new int[q];
    for (int i = 0; i < q; i++) {
      a[i] = (int) (similar[i] >>> 32);
      b[i] = (int) similar[i];
      c[i] = (int) (dissimilar[i] >>> 32);
      d[i] = (int) dissimilar[i];
    }
    double[] ones = new double[q];
    Arrays.fill(ones, 1.0);
    return Quadruplets.create(points(data), a, b, c, d, ones);
  }

  /**
   * Returns the largest number of disjoint chunks of {@code chunkSize} same-class samples: {@code
   * sum over classes of floor(count / chunkSize)}.
   *
   * @param data the labelled samples
   * @param chunkSize the chunk size, {@code >= 2}
   * @return the maximum number of chunks
   */
  public static int maxChunks(LabeledDataset data, int chunkSize) {
    checkChunkSize(chunkSize);
    int max = 0;
    for (int count : data.classCounts()) {
      max += count / chunkSize;
    }
    return max;
  }

  /**
   * Draws {@code numChunks} disjoint chunks of {@code chunkSize} samples of one class. Each chunk's
   * class is chosen with probability proportional to the number of chunks it can still supply, and
   * its members uniformly among that class's samples not yet in a chunk. Samples left over are in
   * no chunk.
   *
   * @param data the labelled samples (all rows become the points)
   * @param numChunks the number of chunks, {@code 1 <= numChunks <= maxChunks(data, chunkSize)}
   * @param chunkSize the number of samples per chunk, {@code >= 2}
   * @return the chunks, with ids {@code 0..numChunks-1}
   * @throws IllegalArgumentException if a count is out of range; the message gives the maximum
   */
  public Chunks chunks(LabeledDataset data, int numChunks, int chunkSize) {
    checkChunkSize(chunkSize);
    int max = maxChunks(data, chunkSize);
    if (numChunks < 1 || numChunks > max) {
      throw new IllegalArgumentException(
          "numChunks: expected 1.."
              + max
              + " (the classes "
              + Arrays.toString(data.classCounts())
              + " hold at most "
              + max
              + " disjoint chunks of "
              + chunkSize
              + "), found "
              + numChunks
              + "; ask for fewer or smaller chunks");
    }
    SplittableRandom random = new SplittableRandom(seed);
    ClassIndex classes = new ClassIndex(data);
    int numClasses = classes.members.length;
    int[][] remaining = new int[numClasses][];
    int[] left = new int[numClasses];
    for (int c = 0; c < numClasses; c++) {
      remaining[c] = classes.members[c].clone();
      left[c] = remaining[c].length;
    }
    int[] chunkOf = new int[data.size()];
    Arrays.fill(chunkOf, Chunks.NO_CHUNK);
    for (int chunk = 0; chunk < numChunks; chunk++) {
      int capacity = 0;
      for (int c = 0; c < numClasses; c++) {
        capacity += left[c] / chunkSize;
      }
      int r = random.nextInt(capacity);
      int c = 0;
      while (r >= left[c] / chunkSize) {
        r -= left[c] / chunkSize;
        c++;
      }
      for (int m = 0; m < chunkSize; m++) {
        int pick = random.nextInt(left[c]);
        int sample = remaining[c][pick];
        remaining[c][pick] = remaining[c][left[c] - 1];
        remaining[c][left[c] - 1] = sample;
        left[c]--;
        chunkOf[sample] = chunk;
      }
    }
    return Chunks.create(points(data), chunkOf);
  }

  private static void checkChunkSize(int chunkSize) {
    if (chunkSize < 2) {
      throw new IllegalArgumentException(
          "chunkSize: expected >= 2 (a chunk of one sample has no within-chunk spread), found "
              + chunkSize);
    }
  }

  private static void checkCount(String name, int count) {
    if (count < 0) {
      throw new IllegalArgumentException(name + ": expected >= 0, found " + count);
    }
  }

  private static Points points(LabeledDataset data) {
    return Points.wrap(data.size(), data.dimension(), data.featuresRowMajor());
  }

  private static double[] cumulative(double[] weights) {
    double[] cum = new double[weights.length];
    double s = 0;
    for (int i = 0; i < weights.length; i++) {
      s += weights[i];
      cum[i] = s;
    }
    return cum;
  }

  private static int pick(double[] cumulative, SplittableRandom random) {
    double total = cumulative[cumulative.length - 1];
    double u = random.nextDouble() * total;
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    for (int i = cumulative.length - 1; i >= 0; i--) {
      if (i == 0 || cumulative[i] > cumulative[i - 1]) {
        return i;
      }
    }
    return 0;
  }

  private static <T> void shufflePrefix(List<T> list, int prefix, SplittableRandom random) {
    for (int i = 0; i < prefix; i++) {
      int j = i + random.nextInt(list.size() - i);
      T tmp = list.get(i);
      list.set(i, list.get(j));
      list.set(j, tmp);
    }
  }

  /** The sample indices of each present class, in row order. */
  private static final class ClassIndex {
    private final int[][] members;
    private final int n;

    ClassIndex(LabeledDataset data) {
      n = data.size();
      int[] labels = data.labels();
      int[] counts = data.classCounts();
      List<int[]> present = new ArrayList<>();
      int[][] byLabel = new int[counts.length][];
      for (int c = 0; c < counts.length; c++) {
        byLabel[c] = new int[counts[c]];
      }
      int[] fill = new int[counts.length];
      for (int i = 0; i < n; i++) {
        byLabel[labels[i]][fill[labels[i]]++] = i;
      }
      for (int[] m : byLabel) {
        if (m.length > 0) {
          present.add(m);
        }
      }
      members = present.toArray(new int[0][]);
    }

    /** Returns a sample uniformly from the classes other than {@code c}. */
    int otherThan(int c, SplittableRandom random) {
      int r = random.nextInt(n - members[c].length);
      for (int k = 0; k < members.length; k++) {
        if (k == c) {
          continue;
        }
        if (r < members[k].length) {
          return members[k][r];
        }
        r -= members[k].length;
      }
      throw new IllegalStateException("unreachable");
    }

    long[] similarPairs(int requested, SplittableRandom random) {
      double[] weights = new double[members.length];
      double total = 0;
      for (int c = 0; c < members.length; c++) {
        double nc = members[c].length;
        weights[c] = nc * (nc - 1) / 2;
        total += weights[c];
      }
      if (total == 0) {
        throw new IllegalArgumentException(
            "data: no similar pair can be drawn: expected a class with at least two samples,"
                + " found every class with one sample");
      }
      if (total <= 2.0 * requested) {
        List<Long> all = new ArrayList<>();
        for (int[] m : members) {
          for (int a = 0; a < m.length; a++) {
            for (int b = a + 1; b < m.length; b++) {
              all.add(encode(m[a], m[b]));
            }
          }
        }
        return takeShuffled(all, requested, random);
      }
      double[] cum = cumulative(weights);
      Set<Long> seen = new HashSet<>();
      long[] out = new long[requested];
      int count = 0;
      while (count < requested) {
        int[] m = members[pick(cum, random)];
        int a = random.nextInt(m.length);
        int b = random.nextInt(m.length - 1);
        if (b >= a) {
          b++;
        }
        long code = encode(m[Math.min(a, b)], m[Math.max(a, b)]);
        if (seen.add(code)) {
          out[count++] = code;
        }
      }
      return out;
    }

    long[] dissimilarPairs(int requested, SplittableRandom random) {
      int k = members.length;
      if (k < 2) {
        throw new IllegalArgumentException(
            "data: no dissimilar pair can be drawn: expected at least two classes, found one");
      }
      int classPairs = k * (k - 1) / 2;
      int[] ca = new int[classPairs];
      int[] cb = new int[classPairs];
      double[] weights = new double[classPairs];
      double total = 0;
      int p = 0;
      for (int a = 0; a < k; a++) {
        for (int b = a + 1; b < k; b++) {
          ca[p] = a;
          cb[p] = b;
          weights[p] = (double) members[a].length * members[b].length;
          total += weights[p];
          p++;
        }
      }
      if (total <= 2.0 * requested) {
        List<Long> all = new ArrayList<>();
        for (int q = 0; q < classPairs; q++) {
          for (int i : members[ca[q]]) {
            for (int j : members[cb[q]]) {
              all.add(encode(i, j));
            }
          }
        }
        return takeShuffled(all, requested, random);
      }
      double[] cum = cumulative(weights);
      Set<Long> seen = new HashSet<>();
      long[] out = new long[requested];
      int count = 0;
      while (count < requested) {
        int q = pick(cum, random);
        int[] ma = members[ca[q]];
        int[] mb = members[cb[q]];
        int i = ma[random.nextInt(ma.length)];
        int j = mb[random.nextInt(mb.length)];
        boolean swap = random.nextBoolean();
        long code = swap ? encode(j, i) : encode(i, j);
        if (seen.add(encode(Math.min(i, j), Math.max(i, j)))) {
          out[count++] = code;
        }
      }
      return out;
    }

    private static long[] takeShuffled(List<Long> all, int requested, SplittableRandom random) {
      int take = Math.min(requested, all.size());
      shufflePrefix(all, take, random);
      long[] out = new long[take];
      for (int i = 0; i < take; i++) {
        out[i] = all.get(i);
      }
      return out;
    }

    private static long encode(int first, int second) {
      return ((long) first << 32) | (second & 0xffffffffL);
    }
  }

  /** The {@code k} smallest (distance, index) seen, ties to the lower index. */
  private static final class NearestList {
    private final int[] idx;
    private final double[] dist;
    private int size;

    NearestList(int k) {
      idx = new int[k];
      dist = new double[k];
    }

    void offer(int index, double distance) {
      int k = idx.length;
      if (size == k && !(distance < dist[k - 1])) {
        return;
      }
      int pos = size == k ? k - 1 : size++;
      while (pos > 0 && dist[pos - 1] > distance) {
        dist[pos] = dist[pos - 1];
        idx[pos] = idx[pos - 1];
        pos--;
      }
      dist[pos] = distance;
      idx[pos] = index;
    }

    int[] indices() {
      return Arrays.copyOf(idx, size);
    }
  }
}
