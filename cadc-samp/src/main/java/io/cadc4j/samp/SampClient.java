// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.samp;

import io.cadc4j.core.table.RowCursor;
import io.cadc4j.votable.Serialization;
import io.cadc4j.votable.VOTableWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.astrogrid.samp.ErrInfo;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.SampUtils;
import org.astrogrid.samp.client.ClientProfile;
import org.astrogrid.samp.client.DefaultClientProfile;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.xmlrpc.LockInfo;
import org.astrogrid.samp.xmlrpc.StandardClientProfile;
import org.astrogrid.samp.xmlrpc.XmlRpcKit;

/**
 * A registration with the running SAMP hub, to send tables and FITS images to the tools it
 * connects (TOPCAT, Aladin, DS9) and to list them.
 *
 * <p>A table is written as a VOTable (BINARY2) to a temporary file that only its owner can read, and
 * sent by URL ({@code table.load.votable}); a FITS image is sent by its file's URL
 * ({@code image.load.fits}). Each recipient is called in turn and waited for ({@code callAndWait}),
 * so that when a send returns every client has loaded the table or failed, and the temporary file
 * is removed. With a {@link Builder#target(String) target} only the client of that name (or hub id)
 * is sent to; otherwise every client that subscribes to the message type.
 *
 * <pre>{@code
 * try (SampClient samp = SampClient.builder().build();   // the hub of ~/.samp or $SAMP_HUB
 *      RowCursor rows = cadc.queryRegion(...)) {
 *     SampDelivery d = samp.sendTable(rows, "CFHT around M44");
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} unregisters from the hub.
 */
public final class SampClient implements AutoCloseable {
    /** The SAMP message type for a VOTable by URL. */
    public static final String TABLE_LOAD_VOTABLE = "table.load.votable";
    /** The SAMP message type for a FITS image by URL. */
    public static final String IMAGE_LOAD_FITS = "image.load.fits";

    private final HubConnection hub;
    private final String target;
    private final int timeoutSeconds;

    private SampClient(HubConnection hub, String target, int timeoutSeconds) {
        this.hub = hub;
        this.target = target;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** @return a builder; {@code build()} registers with the hub */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The other clients registered with the hub (the hub itself left out).
     *
     * @return the clients, in the hub's order
     * @throws SampException if the hub fails
     */
    public List<SampPeer> clients() {
        try {
            List<SampPeer> out = new ArrayList<>();
            String self = hub.getRegInfo().getSelfId();
            String hubId = hub.getRegInfo().getHubId();
            for (String id : hub.getRegisteredClients()) {
                if (!id.equals(self) && !id.equals(hubId)) {
                    out.add(peer(id));
                }
            }
            return out;
        } catch (org.astrogrid.samp.client.SampException e) {
            throw new SampException("the SAMP hub failed to list its clients: " + e.getMessage(), e);
        }
    }

    /**
     * The clients that subscribe to a message type.
     *
     * @param mtype e.g. {@link #TABLE_LOAD_VOTABLE}
     * @return the clients
     * @throws SampException if the hub fails
     */
    public List<SampPeer> clients(String mtype) {
        Objects.requireNonNull(mtype, "mtype");
        try {
            List<SampPeer> out = new ArrayList<>();
            for (Object id : hub.getSubscribedClients(mtype).keySet()) {
                out.add(peer((String) id));
            }
            return out;
        } catch (org.astrogrid.samp.client.SampException e) {
            throw new SampException("the SAMP hub failed to list its clients: " + e.getMessage(), e);
        }
    }

    /**
     * Sends a table: writes the rows to a temporary VOTable, sends its URL, waits for every
     * recipient, removes the file.
     *
     * @param rows the rows, read to their end (not closed)
     * @param name the name the tools show for the table
     * @return who loaded it and who did not
     * @throws SampException if no client accepts tables (or the target is not there), or the hub fails
     */
    public SampDelivery sendTable(RowCursor rows, String name) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(name, "name");
        List<SampPeer> to = recipients(TABLE_LOAD_VOTABLE);
        Path file = null;
        try {
            file = Files.createTempFile("cadc4j-samp-", ".vot");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                VOTableWriter.of(Serialization.BINARY2).write(rows, out);
            }
            return send(TABLE_LOAD_VOTABLE, to, file, name);
        } catch (IOException e) {
            throw new SampException("writing the table for SAMP failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * Sends a VOTable file by its URL ({@code table.load.votable}); the file is left in place.
     *
     * @param votable the file
     * @param name the name the tools show
     * @return who loaded it and who did not
     * @throws SampException if no client accepts tables (or the target is not there), or the hub fails
     */
    public SampDelivery sendTable(Path votable, String name) {
        return sendFile(TABLE_LOAD_VOTABLE, votable, name);
    }

    /**
     * Sends a FITS image by its URL ({@code image.load.fits}); the file is left in place.
     *
     * @param fits the file
     * @param name the name the tools show
     * @return who loaded it and who did not
     * @throws SampException if no client accepts FITS images (or the target is not there), or the hub fails
     */
    public SampDelivery sendImage(Path fits, String name) {
        return sendFile(IMAGE_LOAD_FITS, fits, name);
    }

    private SampDelivery sendFile(String mtype, Path file, String name) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        if (!Files.isReadable(file)) {
            throw new SampException("cannot send " + file + " over SAMP: no readable file there");
        }
        return send(mtype, recipients(mtype), file, name);
    }

    private List<SampPeer> recipients(String mtype) {
        List<SampPeer> subscribed = clients(mtype);
        if (target == null) {
            if (subscribed.isEmpty()) {
                throw new SampException("no SAMP client accepts " + mtype + what(mtype) + "; running: " + names(clients())
                        + " (start TOPCAT or Aladin)");
            }
            return subscribed;
        }
        for (SampPeer p : subscribed) {
            if (p.matches(target)) {
                return List.of(p);
            }
        }
        for (SampPeer p : clients()) {
            if (p.matches(target)) {
                throw new SampException("the SAMP client '" + target + "' does not accept " + mtype + what(mtype));
            }
        }
        throw new SampException("no SAMP client named '" + target + "'; running: " + names(clients()));
    }

    private static String what(String mtype) {
        return mtype.equals(TABLE_LOAD_VOTABLE) ? " (tables)" : mtype.equals(IMAGE_LOAD_FITS) ? " (FITS images)" : "";
    }

    private static String names(List<SampPeer> peers) {
        if (peers.isEmpty()) {
            return "none";
        }
        List<String> n = new ArrayList<>();
        for (SampPeer p : peers) {
            n.add(p.label());
        }
        return String.join(", ", n);
    }

    private SampDelivery send(String mtype, List<SampPeer> to, Path file, String name) {
        URL url = SampUtils.fileToUrl(file.toAbsolutePath().toFile());
        Message m = new Message(mtype);
        m.addParam("url", url.toString());
        m.addParam("name", name);
        if (mtype.equals(TABLE_LOAD_VOTABLE)) {
            m.addParam("table-id", "cadc4j-" + UUID.randomUUID());
        } else {
            m.addParam("image-id", "cadc4j-" + UUID.randomUUID());
        }
        List<SampPeer> accepted = new ArrayList<>();
        Map<SampPeer, String> failed = new LinkedHashMap<>();
        for (SampPeer p : to) {
            try {
                Response r = hub.callAndWait(p.id(), m, timeoutSeconds);
                if (r.isOK() || Response.WARNING_STATUS.equals(r.getStatus())) {
                    accepted.add(p);
                } else {
                    ErrInfo e = r.getErrInfo();
                    failed.put(p, e == null || e.getErrortxt() == null ? "refused" : e.getErrortxt());
                }
            } catch (org.astrogrid.samp.client.SampException e) {
                failed.put(p, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return new SampDelivery(mtype, accepted, failed);
    }

    private SampPeer peer(String id) throws org.astrogrid.samp.client.SampException {
        Metadata md = hub.getMetadata(id);
        return SampPeer.of(id, md == null ? null : md.getName());
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is not worth failing a delivered message
            }
        }
    }

    /** Unregisters from the hub. Idempotent. */
    @Override
    public void close() {
        try {
            hub.unregister();
        } catch (org.astrogrid.samp.client.SampException e) {
            // the hub went away first: nothing to undo
        }
    }

    /**
     * Builds a {@link SampClient}. Single-threaded.
     */
    public static final class Builder {
        private String name = "cadc";
        private String target;
        private Path lockFile;
        private Duration timeout = Duration.ofSeconds(120);

        private Builder() {
        }

        /**
         * The name this client declares to the hub (default {@code cadc}).
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sends to this one client only (its declared name, such as {@code topcat}, or its hub id,
         * ignoring case) instead of every client that subscribes.
         *
         * @param client the client
         * @return this builder
         */
        public Builder target(String client) {
            this.target = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The hub's lock file (SAMP Standard Profile), instead of the one SAMP says where to find
         * ({@code $SAMP_HUB}, else {@code ~/.samp}).
         *
         * @param lockFile the lock file
         * @return this builder
         */
        public Builder lockFile(Path lockFile) {
            this.lockFile = Objects.requireNonNull(lockFile, "lockFile");
            return this;
        }

        /**
         * How long each recipient may take to load what is sent (default two minutes).
         *
         * @param timeout a positive duration, whole seconds
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.getSeconds() < 1) {
                throw new IllegalArgumentException("timeout must be at least one second: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Registers with the hub.
         *
         * @return the client; close it to unregister
         * @throws SampException if no hub is running (the message says to start TOPCAT or Aladin)
         */
        public SampClient build() {
            ClientProfile profile = lockFile == null ? DefaultClientProfile.getProfile() : new LockFileProfile(lockFile);
            HubConnection hub;
            try {
                hub = profile.register();
            } catch (org.astrogrid.samp.client.SampException e) {
                throw new SampException("cannot register with the SAMP hub: " + e.getMessage(), e);
            }
            if (hub == null) {
                throw new SampException("no SAMP hub is running" + (lockFile == null ? "" : " (lock file " + lockFile + ")")
                        + ": start TOPCAT or Aladin (each runs one) and try again");
            }
            try {
                Map<String, Object> md = new HashMap<>();
                md.put(Metadata.NAME_KEY, name);
                md.put(Metadata.DESCTEXT_KEY, "cadc4j: queries the Canadian Astronomy Data Centre");
                hub.declareMetadata(md);
            } catch (org.astrogrid.samp.client.SampException e) {
                try {
                    hub.unregister();
                } catch (org.astrogrid.samp.client.SampException ignored) {
                    // already failing
                }
                throw new SampException("the SAMP hub refused this client's metadata: " + e.getMessage(), e);
            }
            return new SampClient(hub, target, (int) Math.min(Integer.MAX_VALUE, timeout.getSeconds()));
        }
    }

    /** The Standard Profile with a given lock file. Thread-safe. */
    private static final class LockFileProfile extends StandardClientProfile {
        private final Path lockFile;

        LockFileProfile(Path lockFile) {
            super(XmlRpcKit.getInstance());
            this.lockFile = lockFile;
        }

        @Override
        public LockInfo getLockInfo() throws IOException {
            if (!Files.isRegularFile(lockFile)) {
                return null;
            }
            return LockInfo.readLockFile(lockFile.toUri().toURL());
        }
    }
}
