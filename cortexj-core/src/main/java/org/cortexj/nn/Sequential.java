package org.cortexj.nn;

import java.util.ArrayList;
import java.util.List;
import org.cortexj.tensor.Tensor;

/** Modules applied one after another; children are named by position: 0, 1, 2, ... */
public final class Sequential extends Module {

    private final List<Module> layers = new ArrayList<>();

    public Sequential(Module... layers) {
        for (Module layer : layers) {
            add(layer);
        }
    }

    public Sequential(List<? extends Module> layers) {
        for (Module layer : layers) {
            add(layer);
        }
    }

    /** Appends a layer, named by its position. */
    public Sequential add(Module layer) {
        addChild(Integer.toString(layers.size()), layer);
        layers.add(layer);
        return this;
    }

    /** Appends a layer under an explicit name. */
    public Sequential add(String name, Module layer) {
        addChild(name, layer);
        layers.add(layer);
        return this;
    }

    public List<Module> layers() {
        return List.copyOf(layers);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor output = input;
        for (Module layer : layers) {
            output = layer.forward(output);
        }
        return output;
    }
}
