# Sourced by run.sh and cluster.sh: the demo, for a Portico started without STRIPE_API_KEY.
# start_demo starts a local Stripe stand-in (WireMock on 127.0.0.1:12111), sets the demo's settings
# in the environment and mints a demo sign-in token in the background (the key pair made, the
# first time, in ~/.portico/dev-jwt). Sets stand_in_pid, token_pid and demo_token_file; needs
# demo_dir. Also defines repo (the checkout) and demo_workspace for the sourcing script.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
stand_in_pid=''
token_pid=''
demo_token_file=''
demo_workspace=ws-demo

start_demo() {
  echo "No STRIPE_API_KEY: starting the DEMO (local Stripe stand-in, local sign-in key). Not for production."
  java -jar "$demo_dir/wiremock-standalone.jar" --port 12111 --bind-address 127.0.0.1 --disable-banner \
      --root-dir "$repo/ear/src/main/demo" >"$demo_dir/stand-in.log" 2>&1 &
  stand_in_pid=$!
  export PORTICO_DEMO=true STRIPE_API_KEY=sk_test_portico_demo STRIPE_API_BASE=http://127.0.0.1:12111
  export STRIPE_WEBHOOK_SECRET=whsec_portico_demo
  # The stand-in holds no Stripe objects to reconcile with: no scheduled sweeps in the demo.
  export PORTICO_RECONCILE_ENABLED=false
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$HOME/.portico/dev-jwt/public.pem"
  export MP_JWT_VERIFY_ISSUER=https://dev.portico.local MP_JWT_VERIFY_AUDIENCES=portico
  # Minted (and the key pair made, the first time) while Payara starts; needed before deploying.
  demo_token_file=$demo_dir/demo-token
  java "$repo/bench/DevToken.java" --workspace "$demo_workspace" --admin \
      --email billing-admin@example.com --minutes 720 >"$demo_token_file" 2>/dev/null &
  token_pid=$!
}
