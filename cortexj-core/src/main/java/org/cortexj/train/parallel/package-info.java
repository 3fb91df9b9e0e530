/**
 * Synchronous data parallelism on one machine: replicas of a network on their own threads and
 * single-worker CPU backends share every batch, and their gradients are summed into the network
 * being trained.
 */
package org.cortexj.train.parallel;
