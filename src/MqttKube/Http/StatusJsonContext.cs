using System.Text.Json.Serialization;

namespace MqttKube.Http;

/// <summary>The JSON of <c>/status.json</c>, generated at build time (no reflection): camelCase, enums as names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StatusDocument))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
