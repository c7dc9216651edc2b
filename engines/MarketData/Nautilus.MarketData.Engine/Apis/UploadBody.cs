using Nautilus.Engine.Hosting;
using Nautilus.MarketData.Domain.Replay;

namespace Nautilus.MarketData.Engine.Apis;

/// <summary>An uploaded file: its bytes and its rows (CSV or Parquet, told apart by content, not by header).</summary>
public sealed record Upload(byte[] Content, RowSource Rows);

/// <summary>Reads an uploaded file's body, bounded, and opens it as rows; a body too large or not readable is the caller's error.</summary>
public static class UploadBody
{
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The upload, or the problem with its body (field <c>body</c>).</summary>
    public static async Task<(Upload? Upload, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Problem)> ReadAsync(
        HttpRequest request, CancellationToken ct)
    {
        if (await ReadBytesAsync(request, ct) is not { } content)
        {
            return (null, ApiProblems.Field("body", $"at most {MaxBytes / 1024 / 1024} MB a file"));
        }

        try
        {
            return (new Upload(content, await RowSource.OpenAsync(content, ct)), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, ApiProblems.Field("body", ex.Message));
        }
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    private static async Task<byte[]?> ReadBytesAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBytes)
        {
            return null;
        }

        // Kestrel reads bodies asynchronously only; copy with a cap so a body without a length cannot grow past it.
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
