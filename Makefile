# Thin wrappers: each target is one or two commands a person could type.
DOTNET ?= dotnet
CONFIG ?= Release

.PHONY: build test publish format check-format clean check-examples demo

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
	$(DOTNET) format MqttKube.slnx

check-format:
	$(DOTNET) format MqttKube.slnx --verify-no-changes

clean:
	rm -rf artifacts
	$(DOTNET) clean MqttKube.slnx -c $(CONFIG)

# Builds the executable and checks every example config with it.
check-examples: publish
	for f in examples/config-*.yaml; do artifacts/mqtt-kube check "$$f" || exit 1; done

# The built-in demo: the service on examples/config-demo.yaml with an embedded broker and a fake cluster.
demo:
	$(DOTNET) run --project tests/MqttKube.Demo -c $(CONFIG)
