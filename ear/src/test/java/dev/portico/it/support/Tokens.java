package dev.portico.it.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Mints RS256 tokens the way a host SaaS's identity provider would, plus broken ones. */
public final class Tokens {

    private static final String ISSUER = System.getProperty("it.jwt.issuer", "https://issuer.portico.test");
    private static RSAPrivateKey issuerKey;

    private Tokens() {
    }

    /** A token of a billing admin of {@code workspace}. */
    public static String billingAdmin(String workspace) {
        return builder().workspace(workspace).groups("billing-admin").sign();
    }

    /** A token of a plain member of {@code workspace}. */
    public static String member(String workspace) {
        return builder().workspace(workspace).groups("member").sign();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A fresh, unique workspace id, so tests never share state. */
    public static String newWorkspace() {
        return "ws-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static final class Builder {
        private String subject = "user-" + UUID.randomUUID().toString().substring(0, 8);
        private String email = subject + "@example.com";
        private String workspace;
        private List<String> groups = List.of();
        private String issuer = ISSUER;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(10);
        private RSAPrivateKey key;

        public Builder workspace(String id) {
            this.workspace = id;
            return this;
        }

        public Builder groups(String... names) {
            this.groups = List.of(names);
            return this;
        }

        public Builder email(String address) {
            this.email = address;
            return this;
        }

        public Builder issuer(String name) {
            this.issuer = name;
            return this;
        }

        /** Issued {@code ago} in the past and valid for {@code lifetime}. */
        public Builder issued(Duration ago, Duration lifetime) {
            this.issuedAt = Instant.now().minus(ago);
            this.lifetime = lifetime;
            return this;
        }

        /** Signs with a key the server has never seen. */
        public Builder forged() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.key = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
            return this;
        }

        public String sign() {
            try {
                JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject(subject)
                        .jwtID(UUID.randomUUID().toString())
                        .issueTime(Date.from(issuedAt))
                        .expirationTime(Date.from(issuedAt.plus(lifetime)))
                        .claim("email", email)
                        .claim("groups", groups);
                if (workspace != null) {
                    claims.claim("workspace_id", workspace);
                }
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                        claims.build());
                jwt.sign(new RSASSASigner(key != null ? key : issuerKey()));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot sign a test token", e);
            }
        }
    }

    private static synchronized RSAPrivateKey issuerKey() throws Exception {
        if (issuerKey == null) {
            issuerKey = TestKeys.privateKey(Path.of(System.getProperty("it.jwt.dir", "target/jwt")));
        }
        return issuerKey;
    }
}
