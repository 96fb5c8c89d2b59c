namespace MqttKube.Templates;

/// <summary>What a piece of a template scalar is.</summary>
internal enum TemplatePieceKind
{
    /// <summary>Literal text.</summary>
    Text,

    /// <summary>The expression inside <c>${…}</c>.</summary>
    Python,

    /// <summary>A run of text holding Scriban <c>{{ … }}</c> blocks or <c>{%{ … }%}</c> escapes, rendered by Scriban.</summary>
    Scriban,
}
