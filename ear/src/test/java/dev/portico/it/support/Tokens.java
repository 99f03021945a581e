package dev.portico.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        private String audience = System.getProperty("it.jwt.audience", "portico");
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(10);
        private boolean expires = true;
        private RSAPrivateKey key;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        public Builder workspace(String id) {
            this.workspace = id;
            return this;
        }

        public Builder groups(String... names) {
            this.groups = List.of(names);
            return this;
        }

        /** Any further claim, e.g. {@code workspace_name}. */
        public Builder claim(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        /** The user ({@code sub}); by default a fresh one. */
        public Builder subject(String name) {
            this.subject = name;
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

        /** For another service ({@code aud}); null: no {@code aud} claim at all. */
        public Builder audience(String name) {
            this.audience = name;
            return this;
        }

        /** Issued {@code ago} in the past and valid for {@code lifetime}. */
        public Builder issued(Duration ago, Duration lifetime) {
            this.issuedAt = Instant.now().minus(ago);
            this.lifetime = lifetime;
            return this;
        }

        /** No {@code exp} claim at all. */
        public Builder withoutExpiry() {
            this.expires = false;
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
                return signed(JWSAlgorithm.RS256, new RSASSASigner(key != null ? key : issuerKey()));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot sign a test token", e);
            }
        }

        /** The claims with {@code "alg": "none"} and no signature. */
        public String unsigned() {
            return new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(), claims()).serialize();
        }

        /**
         * The claims signed HS256 with the issuer's public key (its PEM text) as the HMAC secret: the
         * old algorithm-confusion attack on verifiers that take the algorithm from the token.
         */
        public String hmacWithThePublicKey() {
            try {
                byte[] secret = Files.readAllBytes(Path.of(System.getProperty("it.jwt.dir", "target/jwt"), "public.pem"));
                return signed(JWSAlgorithm.HS256, new MACSigner(secret));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot sign a test token", e);
            }
        }

        private String signed(JWSAlgorithm algorithm, JWSSigner signer) throws JOSEException {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims());
            jwt.sign(signer);
            return jwt.serialize();
        }

        private JWTClaimsSet claims() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt))
                    .claim("email", email)
                    .claim("groups", groups);
            if (expires) {
                claims.expirationTime(Date.from(issuedAt.plus(lifetime)));
            }
            if (workspace != null) {
                claims.claim("workspace_id", workspace);
            }
            if (audience != null) {
                claims.audience(audience);
            }
            extra.forEach(claims::claim);
            return claims.build();
        }
    }

    private static synchronized RSAPrivateKey issuerKey() throws Exception {
        if (issuerKey == null) {
            issuerKey = TestKeys.privateKey(Path.of(System.getProperty("it.jwt.dir", "target/jwt")));
        }
        return issuerKey;
    }
}
