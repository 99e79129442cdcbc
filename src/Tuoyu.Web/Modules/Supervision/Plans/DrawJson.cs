using System.Text.Json;
using Tuoyu.Web.Modules.Supervision.Domain;

namespace Tuoyu.Web.Modules.Supervision.Plans;

/// <summary>The one JSON form of a draw's inputs and result, as stored and as published.</summary>
internal static class DrawJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static DrawInputs Inputs(string json) => JsonSerializer.Deserialize<DrawInputs>(json, Options)!;

    public static DrawResult Result(string json) => JsonSerializer.Deserialize<DrawResult>(json, Options)!;
}
