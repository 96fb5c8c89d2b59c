using MqttKube.Generators.Common;

namespace MqttKube.Generators.Config.Model;

/// <summary>A <c>[ConfigEnum]</c>: each member with its config spellings (first is canonical).</summary>
public sealed record EnumModel(string Namespace, string Name, string FullName, EquatableArray<EnumMemberModel> Members);

public sealed record EnumMemberModel(string Member, EquatableArray<string> Names);
