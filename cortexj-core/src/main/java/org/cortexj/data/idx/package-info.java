/**
 * Reader for the IDX file format used by MNIST and similar datasets, and {@link
 * org.cortexj.data.idx.ImageDataset}, which pairs an images file with a labels file.
 *
 * <p>Everything here works on bytes, dimensions and labels and depends on no tensor class.
 * Converting pixels to floats, normalizing and batching belong to the callers. Writing IDX files
 * is not supported.
 */
package org.cortexj.data.idx;
