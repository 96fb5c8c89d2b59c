namespace MqttKube.Configuration;

/// <summary>Kubernetes naming rules (DNS-1123 subdomain and label), as the API server checks them.</summary>
internal static class KubernetesNames
{
    /// <summary>A DNS-1123 subdomain: lowercase alphanumerics, '-' and '.', at most 253 characters.</summary>
    public static bool IsValidObjectName(string name) =>
        name.Length is > 0 and <= 253
        && name.Split('.').All(part => part.Length > 0 && IsLabelText(part));

    /// <summary>A DNS-1123 label: lowercase alphanumerics and '-', at most 63 characters.</summary>
    public static bool IsValidLabel(string name) => name.Length is > 0 and <= 63 && IsLabelText(name);

    public static bool IsValidApiVersion(string text)
    {
        var parts = text.Split('/');
        return parts.Length switch
        {
            1 => IsValidLabel(parts[0]),
            2 => IsValidObjectName(parts[0]) && IsValidLabel(parts[1]),
            _ => false,
        };
    }

    private static bool IsLabelText(string text) =>
        char.IsAsciiLetterLower(text[0]) || char.IsAsciiDigit(text[0])
            ? (char.IsAsciiLetterLower(text[^1]) || char.IsAsciiDigit(text[^1]))
              && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            : false;
}
