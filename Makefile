# Thin wrappers: each target is one or two commands a person could type.
DOTNET ?= dotnet
CONFIG ?= Release

.PHONY: build test publish format check-format clean check-examples demo bench fuzz

build:
	$(DOTNET) build MqttKube.slnx -c $(CONFIG)

# The tests include the published executable run end to end, so they publish it first.
test: publish
	./tests/setup.sh
	$(DOTNET) test MqttKube.slnx -c $(CONFIG) --logger "trx;LogFilePrefix=results" --results-directory artifacts/test-results

publish:
	$(DOTNET) publish src/MqttKube/MqttKube.csproj -c Release -r linux-x64 -o artifacts/publish
	cp artifacts/publish/mqtt-kube artifacts/mqtt-kube

format:
	$(DOTNET) format MqttKube.slnx --exclude-diagnostics IDE0051

check-format:
	$(DOTNET) format MqttKube.slnx --verify-no-changes --exclude-diagnostics IDE0051

clean:
	rm -rf artifacts
	$(DOTNET) clean MqttKube.slnx -c $(CONFIG)

# Builds the executable and checks every example config with it.
check-examples: publish
	for f in examples/config-*.yaml; do artifacts/mqtt-kube check "$$f" || exit 1; done

# The built-in demo: the service on examples/config-demo.yaml with an embedded broker and a fake cluster.
demo:
	$(DOTNET) run --project tests/MqttKube.Demo -c $(CONFIG)

# The fuzzing properties (tests/MqttKube.Tests/Fuzz) with FUZZ_SCALE times their iterations and a fresh run seed
# (FUZZ_SEED=N replays a run a failure printed). `make test` runs them at scale 1 with seed 0, deterministically.
FUZZ_SCALE ?= 20
FUZZ_SEED ?= $(shell od -An -N4 -tu4 /dev/urandom | tr -d ' ')
fuzz:
	MQTT_KUBE_FUZZ_SCALE=$(FUZZ_SCALE) MQTT_KUBE_FUZZ_SEED=$(FUZZ_SEED) $(DOTNET) test tests/MqttKube.Tests -c $(CONFIG) --filter "FullyQualifiedName~MqttKube.Tests.Fuzz"

# Benchmarks: BenchmarkDotNet value mapping, then the published executable against Mosquitto and the fake API
# server, then against the real kube-apiserver of ../shared/k8s (skipped with a note when absent); the tables go to
# tests/MqttKube.Benchmarks/RESULTS.md. About 15 minutes on 2 cores (publish included). One section: BENCH_ARGS="--only real".
bench: publish
	$(DOTNET) run -c Release --project tests/MqttKube.Benchmarks -- all --exe artifacts/mqtt-kube --out tests/MqttKube.Benchmarks/RESULTS.md $(BENCH_ARGS)

# Fully static, stripped linux-x64 executable (glibc linked in; TOOLCHAIN.md "Static and ARM builds").
# Its native intermediates live apart from `publish`'s, so the two builds never reuse each other's link.
STATIC_FLAGS = -p:StaticExecutable=true -p:StaticOpenSslLinking=true -p:InvariantGlobalization=true -p:PositionIndependentExecutable=false -p:ObjCopyName=objcopy

.PHONY: static static-check arm64 arm64-check docker

static:
	./tests/dist/setup-static.sh
	$(DOTNET) publish src/MqttKube/MqttKube.csproj -c Release -r linux-x64 $(STATIC_FLAGS) -p:NativeIntermediateOutputPath=$(CURDIR)/artifacts/obj/linux-x64-static/ -o artifacts/linux-x64-static

# Runs the static executable in an empty chroot (needs root).
static-check: static
	./tests/dist/chroot-check.sh artifacts/linux-x64-static/mqtt-kube

# linux-arm64 executable, cross-compiled with clang and Debian's aarch64 toolchain.
arm64:
	./tests/dist/setup-arm64.sh
	$(DOTNET) publish src/MqttKube/MqttKube.csproj -c Release -r linux-arm64 -p:ObjCopyName=aarch64-linux-gnu-objcopy -o artifacts/linux-arm64

# Runs the arm64 executable under qemu-user.
arm64-check: arm64
	./tests/dist/qemu-check.sh artifacts/linux-arm64/mqtt-kube

IMAGE ?= ghcr.io/mqtt-kube/mqtt-kube:latest

# The distroless image (needs a Docker engine).
docker:
	docker build -f Dockerfile.distroless -t $(IMAGE) .
