namespace Nautilus.Model;

/// <summary>The rule every identifier's text follows: 1 to 64 printable ASCII characters, no spaces.</summary>
internal static class Identifier
{
    public const int MaxLength = 64;

    public static string Check(string? value, string paramName, bool allowDots = true)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value.Any(c => c is <= ' ' or > '~') || (!allowDots && value.Contains('.')))
        {
            throw new ArgumentException(
                $"'{value}' is not a valid {paramName}: 1 to {MaxLength} printable ASCII characters, no spaces{(allowDots ? "" : " or dots")}.",
                paramName);
        }

        return value;
    }
}
