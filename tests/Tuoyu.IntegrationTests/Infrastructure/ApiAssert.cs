using System.Net;
using System.Text.Json;

namespace Tuoyu.IntegrationTests.Infrastructure;

public static class ApiAssert
{
    public static async Task<JsonElement> StatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response) => await StatusAsync(response, HttpStatusCode.OK);

    /// <summary>A ProblemDetails answer with the given status and, for 409, the stable code.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string? code = null)
    {
        var json = await StatusAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, json.GetProperty("status").GetInt32());
        if (code is not null) { Assert.Equal(code, json.GetProperty("code").GetString()); }
        return json;
    }
}
