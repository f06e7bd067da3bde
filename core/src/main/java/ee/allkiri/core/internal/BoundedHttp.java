package ee.allkiri.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Not API. One HTTP exchange whose answer is bounded: status 200 only, a body of at most
 * {@code maxBytes} (refused on a larger {@code Content-Length} before reading, and cut off as
 * soon as the bytes read pass the cap), complete (as long as its {@code Content-Length} says),
 * and one deadline for the whole exchange, headers and body, so that a peer that drips bytes
 * is cut off too. What the OCSP client and the trusted-list download read responses with.
 * Stateless and thread-safe.
 */
public final class BoundedHttp {

    /** Why an exchange gave no body. */
    public enum Problem {
        /** The body is (or is announced to be) larger than the cap. */
        TOO_LARGE,
        /** The deadline passed before the body was complete. */
        TIMED_OUT,
        /** The body broke off, or ended before its {@code Content-Length}. */
        TRUNCATED,
        /** The answer's status was not 200. */
        NOT_OK,
        /** No answer: the connection failed or the peer broke the protocol. */
        UNREACHABLE,
        /** The calling thread was interrupted (its interrupt flag is set again). */
        INTERRUPTED
    }

    /** An exchange that gave no body, with what went wrong. */
    public static final class Failure extends IOException {
        private final Problem problem;

        Failure(Problem problem, String message, Throwable cause) {
            super(message, cause);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private BoundedHttp() {
    }

    /**
     * Sends the request and returns the body of its 200 answer.
     *
     * @param maxBytes the most bytes the body may have
     * @param deadline how long the whole exchange may take, connecting included
     * @throws Failure when there is no complete body within the bounds
     */
    public static byte[] body(HttpClient client, HttpRequest request, long maxBytes, Duration deadline) throws Failure {
        URI uri = request.uri();
        AtomicBoolean answered = new AtomicBoolean();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> {
            answered.set(true);
            return info.statusCode() == 200
                    ? new CappedBody(uri, maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1))
                    : refused(uri, info.statusCode());
        });
        try {
            return exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS).body();
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new Failure(Problem.TIMED_OUT, uri + " did not answer in full within " + deadline, e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure(Problem.INTERRUPTED, "interrupted while asking " + uri, e);
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause(), answered.get());
        }
    }

    /**
     * What a failed exchange means. An error after the answer's head arrived broke the body off
     * (the client may report it before the body subscriber sees it); before, there was no answer.
     */
    private static Failure failure(URI uri, Throwable cause, boolean answered) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof Failure known) {
                return known;
            }
        }
        if (cause instanceof HttpTimeoutException) {
            return new Failure(Problem.TIMED_OUT, uri + " did not answer within the timeout: " + cause.getMessage(), cause);
        }
        Throwable root = cause;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String what = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return answered ? new Failure(Problem.TRUNCATED, uri + " broke off its answer: " + what, cause)
                : new Failure(Problem.UNREACHABLE, uri + " could not be reached: " + what, cause);
    }

    /** Reads nothing of an answer that is not 200. */
    private static HttpResponse.BodySubscriber<byte[]> refused(URI uri, int status) {
        CompletableFuture<byte[]> body = CompletableFuture.failedFuture(
                new Failure(Problem.NOT_OK, uri + " answered HTTP " + status, null));
        return new HttpResponse.BodySubscriber<>() {
            @Override
            public CompletionStage<byte[]> getBody() {
                return body;
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.cancel();
            }

            @Override
            public void onNext(List<ByteBuffer> items) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        };
    }

    /** Collects a body, failing as soon as it would pass the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final URI uri;
        private final long max;
        private final long declared;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(URI uri, long max, long declared) {
            this.uri = uri;
            this.max = max;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            if (declared > max) {
                s.cancel();
                body.completeExceptionally(tooLarge());
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if ((long) out.size() + item.remaining() > max) {
                    subscription.cancel();
                    body.completeExceptionally(tooLarge());
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(new Failure(Problem.TRUNCATED, uri + " broke off after " + out.size() + " bytes"
                    + (declared >= 0 ? " of " + declared : ""), error));
        }

        @Override
        public void onComplete() {
            if (declared >= 0 && out.size() != declared) {
                body.completeExceptionally(new Failure(Problem.TRUNCATED, uri + " sent " + out.size() + " of the "
                        + declared + " bytes it announced", null));
                return;
            }
            body.complete(out.toByteArray());
        }

        private Failure tooLarge() {
            return new Failure(Problem.TOO_LARGE, uri + " sent more than the cap of " + max + " bytes", null);
        }
    }
}
