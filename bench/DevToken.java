import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints a development token for a locally running Portico (JDK only, no build needed):
 *
 * <pre>java bench/DevToken.java [--workspace ws-demo] [--admin | --operator] [--email you@example.com] [--minutes 60]</pre>
 *
 * The signing key pair lives in ~/.portico/dev-jwt (made on first use). Start Portico with
 * MP_JWT_VERIFY_PUBLICKEY_LOCATION=file://$HOME/.portico/dev-jwt/public.pem and
 * MP_JWT_VERIFY_ISSUER=https://dev.portico.local MP_JWT_VERIFY_AUDIENCES=portico so it trusts these
 * tokens. Never use this key in production: a real deployment trusts its own identity provider's key.
 */
public class DevToken {

    static final String ISSUER = "https://dev.portico.local";
    /** The audience Portico is told to expect (MP_JWT_VERIFY_AUDIENCES): a token for another service is refused. */
    static final String AUDIENCE = "portico";

    public static void main(String[] args) throws Exception {
        String workspace = "ws-demo";
        String email = "admin@example.com";
        boolean admin = false;
        boolean operator = false;
        long minutes = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workspace" -> workspace = args[++i];
                case "--email" -> email = args[++i];
                case "--admin" -> admin = true;
                case "--operator" -> operator = true;
                case "--minutes" -> minutes = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Path dir = Path.of(System.getProperty("user.home"), ".portico", "dev-jwt");
        PrivateKey key = keyIn(dir);
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        // An operator's token names no workspace: operators look at all of them.
        String claims = String.format("{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"%s\",\"email\":\"%s\",\"groups\":[%s],"
                        + "%s\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}",
                ISSUER, AUDIENCE, email, email, operator ? "\"portico-operator\"" : admin ? "\"billing-admin\"" : "\"member\"",
                operator ? "" : "\"workspace_id\":\"" + workspace + "\",", now, now + minutes * 60, UUID.randomUUID());
        String signingInput = base64(header) + "." + base64(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign()));
        System.err.println("Portico must run with MP_JWT_VERIFY_PUBLICKEY_LOCATION=file://" + dir.resolve("public.pem")
                + " MP_JWT_VERIFY_ISSUER=" + ISSUER + " MP_JWT_VERIFY_AUDIENCES=" + AUDIENCE);
    }

    static PrivateKey keyIn(Path dir) throws Exception {
        Path privatePem = dir.resolve("private.pem");
        if (!Files.exists(privatePem)) {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        }
        String body = Files.readString(privatePem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
