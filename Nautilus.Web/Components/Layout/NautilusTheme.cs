using MudBlazor;

namespace Nautilus.Web.Components.Layout;

/// <summary>The operator UI's dark theme: a trading-desk palette, green up and red down as the charts draw them.</summary>
public static class NautilusTheme
{
    public const string Up = "#26a69a";
    public const string Down = "#ef5350";
    public const string Grid = "#2a3441";
    public const string Text = "#c9d4e0";
    public const string Panel = "#161b22";
    public const string Neutral = "#4a6072";

    /// <summary>A Plotly layout in the theme's colours with tight margins; charts add their axes and shapes.</summary>
    public static Plotly.Blazor.Layout ChartLayout(bool legend = false) => new()
    {
        PaperBgColor = Panel,
        PlotBgColor = Panel,
        Font = new Plotly.Blazor.LayoutLib.Font { Color = Text },
        ShowLegend = legend,
        Margin = new Plotly.Blazor.LayoutLib.Margin { L = 56, R = 12, T = 8, B = 32 },
    };

    public static MudTheme Theme { get; } = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#4f9dde",
            Secondary = "#8e7cc3",
            Success = Up,
            Error = Down,
            Warning = "#f0b429",
            Background = "#0d1117",
            Surface = Panel,
            AppbarBackground = "#10161e",
            DrawerBackground = "#10161e",
            DrawerText = Text,
            TextPrimary = "#e6edf3",
            TextSecondary = "#9fb0c2",
            LinesDefault = Grid,
            TableLines = Grid,
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px" },
    };
}
