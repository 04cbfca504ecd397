package loopvsloom.db;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What the PostgreSQL driver does on an event loop that BlockHound reports but that is not request-time blocking: a
 * new connection's SCRAM login draws its nonce from SecureRandom, which reads /dev/urandom (a read that never waits)
 * once per connection, when the pool opens it. Queries do nothing of the kind; anything else fails the test.
 */
public final class R2dbcAllowances implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("com.ongres.scram.common.ScramFunctions", "nonce");
    }
}
