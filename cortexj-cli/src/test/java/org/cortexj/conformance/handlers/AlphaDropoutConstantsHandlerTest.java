package org.cortexj.conformance.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cortexj.backend.DataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample statistics that the handler compares with the files' empirical values. Alpha dropout
 * keeps mean 0 and variance 1 for standard-normal inputs and drops a fraction p (Klambauer et al.
 * 2017, "Self-Normalizing Neural Networks"). With 10^6 samples the standard error is about 0.001
 * for a mean, 0.0015 for a variance and at most 0.0005 for the dropped fraction, so each bound
 * below is 3 to 7 standard errors wide.
 */
class AlphaDropoutConstantsHandlerTest {

    private static final int SAMPLES = 1_000_000;

    @ParameterizedTest(name = "p {0}, {1}")
    @CsvSource({"0.05, FLOAT64", "0.2, FLOAT64", "0.5, FLOAT64", "0.2, FLOAT32", "0.0, FLOAT64"})
    void sampleKeepsMeanVarianceAndRate(double p, DataType dataType) {
        AlphaDropoutConstantsHandler.SampleStatistics sample =
                AlphaDropoutConstantsHandler.measure(p, SAMPLES, dataType);

        assertEquals(SAMPLES, sample.count());
        assertEquals(0, sample.inputMean(), 0.005);
        assertEquals(1, sample.inputVariance(), 0.005);
        assertEquals(0, sample.outputMean(), 0.005);
        assertEquals(1, sample.outputVariance(), 0.01);
        assertEquals(p, sample.droppedFraction(), 0.002);
    }
}
