/**
 * Activation layers: parameter-free {@link org.cortexj.nn.Module} wrappers around
 * {@link org.cortexj.nn.functional.Activations} and {@link org.cortexj.nn.functional.Softmax},
 * and the {@link org.cortexj.nn.activations.Activation} enum that names them for networks
 * described as data.
 */
package org.cortexj.nn.activations;
