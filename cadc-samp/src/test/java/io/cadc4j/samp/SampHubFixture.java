// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.samp;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.CallableClient;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.hub.Hub;
import org.astrogrid.samp.hub.HubProfile;
import org.astrogrid.samp.hub.HubServiceMode;
import org.astrogrid.samp.xmlrpc.LockInfo;
import org.astrogrid.samp.xmlrpc.StandardClientProfile;
import org.astrogrid.samp.xmlrpc.StandardHubProfile;
import org.astrogrid.samp.xmlrpc.XmlRpcKit;

/**
 * JSAMP's own hub, started in-process on loopback with its lock file in a test directory (never
 * ~/.samp), and recording clients registered with it.
 */
final class SampHubFixture implements AutoCloseable {
    final Path lockFile;
    private final Hub hub;
    private final List<HubConnection> clients = new CopyOnWriteArrayList<>();

    SampHubFixture(Path dir) throws Exception {
        this.lockFile = dir.resolve("samp.lock");
        XmlRpcKit kit = XmlRpcKit.getInstance();
        HubProfile profile = new StandardHubProfile(kit.getClientFactory(), kit.getServerFactory(),
                new File(lockFile.toString()), StandardHubProfile.createSecret());
        this.hub = Hub.runHub(HubServiceMode.NO_GUI, new HubProfile[] {profile}, new HubProfile[0]);
    }

    /** A client that records what it receives; it runs check on each call before answering. */
    Recorder recorder(String name, List<String> mtypes, Check check) throws Exception {
        StandardClientProfile profile = new StandardClientProfile(XmlRpcKit.getInstance()) {
            @Override
            public LockInfo getLockInfo() throws java.io.IOException {
                return LockInfo.readLockFile(lockFile.toUri().toURL());
            }
        };
        HubConnection c = profile.register();
        clients.add(c);
        Map<String, Object> md = new HashMap<>();
        md.put(Metadata.NAME_KEY, name);
        c.declareMetadata(md);
        Recorder r = new Recorder(c, check);
        c.setCallable(r);
        Map<String, Object> subs = new HashMap<>();
        for (String m : mtypes) {
            subs.put(m, new HashMap<>());
        }
        c.declareSubscriptions(subs);
        return r;
    }

    @Override
    public void close() {
        for (HubConnection c : clients) {
            try {
                c.unregister();
            } catch (Exception e) {
                // the hub may be gone
            }
        }
        hub.shutdown();
    }

    /** What a recorder does with a message before it answers: throw to answer with an error. */
    interface Check {
        void accept(Message m) throws Exception;
    }

    /** Records the messages it is called with and answers each. */
    static final class Recorder implements CallableClient {
        final HubConnection connection;
        final List<Message> received = new CopyOnWriteArrayList<>();
        final List<String> senders = new CopyOnWriteArrayList<>();
        private final Check check;

        Recorder(HubConnection connection, Check check) {
            this.connection = connection;
            this.check = check;
        }

        String id() {
            return connection.getRegInfo().getSelfId();
        }

        @Override
        public void receiveNotification(String senderId, Message message) {
            received.add(message);
            senders.add(senderId);
        }

        @Override
        public void receiveCall(String senderId, String msgId, Message message) throws Exception {
            received.add(message);
            senders.add(senderId);
            Response r;
            try {
                check.accept(message);
                r = Response.createSuccessResponse(new HashMap<>());
            } catch (Exception | AssertionError e) {
                r = Response.createErrorResponse(new org.astrogrid.samp.ErrInfo(String.valueOf(e.getMessage())));
            }
            connection.reply(msgId, r);
        }

        @Override
        public void receiveResponse(String responderId, String msgTag, Response response) {
            // this client sends nothing
        }
    }
}
