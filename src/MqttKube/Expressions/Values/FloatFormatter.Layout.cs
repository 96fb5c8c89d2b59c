using System.Globalization;
using System.Text;

namespace MqttKube.Expressions;

internal static partial class FloatFormatter
{
    /// <summary>CPython's format_float_short after the digits are known (virtual zero padding, exponent).</summary>
    private static string Layout(string digits, int decpt, char code, int precision, bool addDot0, bool alternate)
    {
        var digitsLength = digits.Length;
        var vdigitsEnd = digitsLength;
        var useExp = false;
        switch (code)
        {
            case 'e':
                useExp = true;
                vdigitsEnd = precision;
                break;
            case 'f':
                vdigitsEnd = decpt + precision;
                break;
            case 'g':
                if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision))
                {
                    useExp = true;
                }

                if (alternate)
                {
                    vdigitsEnd = precision;
                }

                break;
            default:
                if (decpt <= -4 || decpt > 16)
                {
                    useExp = true;
                }

                break;
        }

        var exp = 0;
        if (useExp)
        {
            exp = decpt - 1;
            decpt = 1;
        }

        var vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
        vdigitsEnd = !useExp && addDot0 ? Math.Max(vdigitsEnd, decpt + 1) : Math.Max(vdigitsEnd, decpt);

        var sb = new StringBuilder();
        if (decpt <= 0)
        {
            sb.Append('0', decpt - vdigitsStart).Append('.').Append('0', -decpt);
        }
        else
        {
            sb.Append('0', -vdigitsStart);
        }

        if (decpt > 0 && decpt <= digitsLength)
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digitsLength - decpt);
        }
        else
        {
            sb.Append(digits);
        }

        if (digitsLength < decpt)
        {
            sb.Append('0', decpt - digitsLength).Append('.').Append('0', vdigitsEnd - decpt);
        }
        else
        {
            sb.Append('0', vdigitsEnd - digitsLength);
        }

        if (sb[^1] == '.' && !alternate)
        {
            sb.Length--;
        }

        if (useExp)
        {
            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
