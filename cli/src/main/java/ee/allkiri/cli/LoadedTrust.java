package ee.allkiri.cli;

import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Trust material loaded once, shared by the verifier and the OCSP client. */
record LoadedTrust(TrustMaterial material) implements TrustSource {

    static TrustMaterial load(List<TrustSource> sources) throws IOException {
        List<TrustMaterial> parts = new ArrayList<>();
        for (TrustSource source : sources) {
            parts.add(source.load());
        }
        return TrustMaterial.merge(parts);
    }

    @Override
    public TrustMaterial load() {
        return material;
    }

    @Override
    public String describe() {
        return material.description();
    }
}
