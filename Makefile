# Thin wrappers: each target is one or two commands a person could type.
DOTNET ?= dotnet
CONFIG ?= Release

.PHONY: build test publish format check-format clean

build:
	$(DOTNET) build MqttKube.slnx -c $(CONFIG)

test:
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
