package ee.allkiri.trustlist.internal;

import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustedService;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.tsl.DownloadInfoRecord;
import eu.europa.esig.dss.model.tsl.LOTLInfo;
import eu.europa.esig.dss.model.tsl.ParsingInfoRecord;
import eu.europa.esig.dss.model.tsl.TLInfo;
import eu.europa.esig.dss.model.tsl.TLValidationJobSummary;
import eu.europa.esig.dss.model.tsl.ValidationInfoRecord;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.client.http.DSSFileLoader;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.tsl.function.EUTLOtherTSLPointer;
import eu.europa.esig.dss.tsl.function.SchemeTerritoryOtherTSLPointer;
import eu.europa.esig.dss.tsl.function.XMLOtherTSLPointer;
import eu.europa.esig.dss.tsl.job.TLValidationJob;
import eu.europa.esig.dss.tsl.source.LOTLSource;
import eu.europa.esig.dss.tsl.source.TLSource;
import eu.europa.esig.trustedlist.jaxb.tsl.OtherTSLPointerType;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Reads a list of trusted lists (and the lists it points to) or a single trusted list
 * through DSS's {@code TLValidationJob}, and insists that everything verified: every list
 * was fetched, parsed, and signed by a certificate it was pinned to (the root by the given
 * signers, each trusted list by the certificates its pointer in the list of lists names).
 * Anything less is an {@link IOException}: a partial trust list is not loaded.
 *
 * <p>Each call builds its own job, caches and threads, and shuts them down; nothing is shared
 * between calls. Thread-safe.
 */
public final class DssListLoader {

    private DssListLoader() {
    }

    /**
     * @param rootUrl     the url of the root list (what the fetch is asked for)
     * @param signers     certificates the root list must be signed with
     * @param territories for a list of lists: the territories to follow; empty for all
     * @param fetch       where list bytes come from
     */
    public static LoadedLists load(String rootUrl, Collection<X509Certificate> signers, Set<String> territories,
                                   ListFetch fetch) throws IOException {
        if (signers.isEmpty()) {
            throw new IOException("no pinned signing certificate for " + rootUrl + ": a trusted list must be pinned");
        }
        RecordingLoader loader = new RecordingLoader(fetch);
        byte[] rootBytes = loader.bytes(rootUrl);
        ListXml root = ListXml.read(rootBytes, rootUrl);

        CommonCertificateSource pins = new CommonCertificateSource();
        signers.forEach(c -> pins.addCertificate(new CertificateToken(c)));
        TLValidationJob job = new TLValidationJob();
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "allkiri-trustlist");
            t.setDaemon(true);
            return t;
        });
        job.setExecutorService(executor);
        job.setOfflineDataLoader(loader);
        if (root.isListOfLists()) {
            LOTLSource source = new LOTLSource();
            source.setUrl(rootUrl);
            source.setCertificateSource(pins);
            Predicate<OtherTSLPointerType> pointers = new EUTLOtherTSLPointer().and(new XMLOtherTSLPointer());
            if (!territories.isEmpty()) {
                pointers = pointers.and(new SchemeTerritoryOtherTSLPointer(territories));
            }
            source.setTlPredicate(pointers);
            job.setListOfTrustedListSources(source);
        } else {
            TLSource source = new TLSource();
            source.setUrl(rootUrl);
            source.setCertificateSource(pins);
            job.setTrustedListSources(source);
        }
        try {
            job.offlineRefresh();
        } finally {
            executor.shutdownNow();
        }
        return collect(job.getSummary(), signers, loader);
    }

    private static LoadedLists collect(TLValidationJobSummary summary, Collection<X509Certificate> pins,
                                       RecordingLoader loader) throws IOException {
        List<TrustListInfo> lists = new ArrayList<>();
        List<TrustedService> services = new ArrayList<>();
        for (LOTLInfo lotl : summary.getLOTLInfos()) {
            lists.add(verified(lotl, null, pins, loader));
            for (TLInfo tl : lotl.getTLInfos()) {
                lists.add(verified(tl, lotl.getUrl(), null, loader));
                services.addAll(ServiceReader.read(tl.getParsingCacheInfo().getTrustServiceProviders(),
                        tl.getParsingCacheInfo().getTerritory(), tl.getUrl()));
            }
        }
        for (TLInfo tl : summary.getOtherTLInfos()) {
            lists.add(verified(tl, null, pins, loader));
            services.addAll(ServiceReader.read(tl.getParsingCacheInfo().getTrustServiceProviders(),
                    tl.getParsingCacheInfo().getTerritory(), tl.getUrl()));
        }
        return new LoadedLists(lists, services, loader.recorded());
    }

    private static TrustListInfo verified(TLInfo info, String parentUrl, Collection<X509Certificate> pins,
                                          RecordingLoader loader) throws IOException {
        String url = info.getUrl();
        DownloadInfoRecord download = info.getDownloadCacheInfo();
        if (download == null || download.isError() || !download.isResultExist()) {
            throw new IOException("cannot read trusted list " + url + ": " + problem(download, loader.failure(url)));
        }
        ParsingInfoRecord parsing = info.getParsingCacheInfo();
        if (parsing == null || parsing.isError() || !parsing.isResultExist()) {
            throw new IOException("cannot parse trusted list " + url + ": " + problem(parsing, null));
        }
        ValidationInfoRecord validation = info.getValidationCacheInfo();
        if (validation == null || validation.isError() || !validation.isResultExist()) {
            throw new IOException("cannot verify the signature of trusted list " + url + ": " + problem(validation, null));
        }
        if (validation.getIndication() != Indication.TOTAL_PASSED) {
            throw new IOException("the signature of trusted list " + url + " does not verify against its pinned certificates: "
                    + validation.getIndication() + (validation.getSubIndication() == null ? "" : "/" + validation.getSubIndication()));
        }
        X509Certificate signer = validation.getSigningCertificate() == null ? null
                : validation.getSigningCertificate().getCertificate();
        if (pins != null && (signer == null || pins.stream().noneMatch(signer::equals))) {
            throw new IOException("trusted list " + url + " is not signed by a pinned certificate");
        }
        byte[] bytes = loader.recorded().get(url);
        boolean listOfLists = info instanceof LOTLInfo;
        return new TrustListInfo(parsing.getTerritory() == null ? url : parsing.getTerritory(), url,
                listOfLists ? TrustListInfo.Kind.LIST_OF_LISTS : TrustListInfo.Kind.TRUSTED_LIST,
                parsing.getVersion() == null ? 0 : parsing.getVersion(),
                parsing.getSequenceNumber() == null ? 0 : parsing.getSequenceNumber(),
                parsing.getIssueDate().toInstant(),
                parsing.getNextUpdateDate() == null ? null : parsing.getNextUpdateDate().toInstant(),
                sha256(bytes), parentUrl, signer);
    }

    private static String problem(eu.europa.esig.dss.model.tsl.InfoRecord record, String failure) {
        if (failure != null) {
            return failure;
        }
        if (record == null) {
            return "not processed";
        }
        return record.getExceptionMessage() != null ? record.getExceptionMessage() : record.getStatusName();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DSS's file loader over a {@link ListFetch}: checks the bytes look like a list and keeps them. */
    private static final class RecordingLoader implements DSSFileLoader {
        private static final long serialVersionUID = 1L;
        private final transient ListFetch fetch;
        private final Map<String, byte[]> recorded = new ConcurrentHashMap<>();
        private final Map<String, String> failures = new ConcurrentHashMap<>();

        RecordingLoader(ListFetch fetch) {
            this.fetch = fetch;
        }

        byte[] bytes(String url) throws IOException {
            byte[] known = recorded.get(url);
            if (known != null) {
                return known;
            }
            byte[] bytes = fetch.fetch(url);
            ListXml.read(bytes, url);
            recorded.put(url, bytes);
            return bytes;
        }

        @Override
        public DSSDocument getDocument(String url) {
            try {
                return new InMemoryDocument(bytes(url), url);
            } catch (IOException e) {
                failures.put(url, e.getMessage());
                throw new DSSException(e.getMessage(), e);
            }
        }

        Map<String, byte[]> recorded() {
            return Map.copyOf(recorded);
        }

        String failure(String url) {
            return failures.get(url);
        }
    }
}
