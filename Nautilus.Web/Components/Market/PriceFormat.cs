using System.Globalization;

namespace Nautilus.Web.Components.Market;

/// <summary>How the market views print prices: two to four places, thousands separated from 1,000.</summary>
public static class PriceFormat
{
    public static string Of(double? value) =>
        value is { } v ? v.ToString(v >= 1000 ? "N2" : "0.00##", CultureInfo.InvariantCulture) : "";
}
