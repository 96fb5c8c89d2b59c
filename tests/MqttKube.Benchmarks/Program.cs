using MqttKube.Benchmarks;

// make bench: dotnet run -c Release --project tests/MqttKube.Benchmarks -- all --exe artifacts/mqtt-kube --out tests/MqttKube.Benchmarks/RESULTS.md
return await BenchProgram.RunAsync(args);
