using Nautilus.AppHost.Infrastructure;

namespace Nautilus.UnitTests.AppHost;

public class InfrastructureModeSelectorTests
{
    [Theory]
    [InlineData(null, InfrastructureMode.Auto)]
    [InlineData("", InfrastructureMode.Auto)]
    [InlineData("auto", InfrastructureMode.Auto)]
    [InlineData("Host", InfrastructureMode.Host)]
    [InlineData(" containers ", InfrastructureMode.Containers)]
    public void Parses_the_configured_mode(string? configured, InfrastructureMode expected) =>
        Assert.Equal(expected, InfrastructureModeSelector.Parse(configured));

    [Fact]
    public void An_unknown_mode_is_an_error_that_names_the_key_and_the_choices()
    {
        var error = Assert.Throws<InfrastructureConfigurationException>(() => InfrastructureModeSelector.Parse("kubernetes"));
        Assert.Contains("Nautilus:Infrastructure", error.Message);
        Assert.Contains("'kubernetes'", error.Message);
        Assert.Contains("auto, containers, host", error.Message);
    }

    [Theory]
    [InlineData(true, InfrastructureMode.Containers)]
    [InlineData(false, InfrastructureMode.Host)]
    public void Auto_follows_the_container_runtime(bool runtimeHealthy, InfrastructureMode expected) =>
        Assert.Equal(expected, InfrastructureModeSelector.Resolve(InfrastructureMode.Auto, isPublishMode: false, () => runtimeHealthy));

    [Theory]
    [InlineData(InfrastructureMode.Host)]
    [InlineData(InfrastructureMode.Containers)]
    public void An_explicit_mode_wins_and_the_runtime_is_not_asked(InfrastructureMode requested)
    {
        var asked = 0;
        var mode = InfrastructureModeSelector.Resolve(requested, isPublishMode: false, () => { asked++; return requested != InfrastructureMode.Containers; });
        Assert.Equal(requested, mode);
        Assert.Equal(0, asked);
    }

    [Theory]
    [InlineData(InfrastructureMode.Auto)]
    [InlineData(InfrastructureMode.Host)]
    public void Publishing_always_describes_containers(InfrastructureMode requested) =>
        Assert.Equal(InfrastructureMode.Containers, InfrastructureModeSelector.Resolve(requested, isPublishMode: true, () => false));

    [Fact]
    public void A_missing_container_client_counts_as_no_runtime() =>
        Assert.False(ContainerRuntimeProbe.IsHealthy("nautilus-no-such-container-runtime", TimeSpan.FromSeconds(2)));
}
