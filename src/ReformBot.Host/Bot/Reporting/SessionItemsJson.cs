using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReformBot.Host.Bot.Reporting;

/// <summary>
/// A session's tasks as conversation state stores them: runs of consecutive tasks of one department and kind,
/// each naming its department once: <c>[{"Department":"科技厅","Tasks":[12,13,15]},{"Department":"科技厅","Note":true,"Tasks":[7]}]</c>.
/// A department walking all its pending tasks has dozens, and the state is written, hashed and read on every
/// answer. Reads the earlier form too (one object per task, with type names), so a report begun before an
/// upgrade goes on.
/// </summary>
public sealed class SessionItemsJson : JsonConverter<List<ReportSessionItem>>
{
    private const string Tasks = "Tasks";

    public override void WriteJson(JsonWriter writer, List<ReportSessionItem>? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }
        writer.WriteStartArray();
        for (var i = 0; i < value.Count;)
        {
            var first = value[i];
            writer.WriteStartObject();
            writer.WritePropertyName(nameof(ReportSessionItem.Department));
            writer.WriteValue(first.Department);
            if (first.Note)
            {
                writer.WritePropertyName(nameof(ReportSessionItem.Note));
                writer.WriteValue(true);
            }
            writer.WritePropertyName(Tasks);
            writer.WriteStartArray();
            for (; i < value.Count && value[i].Department == first.Department && value[i].Note == first.Note; i++)
                writer.WriteValue(value[i].TaskNumber);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public override List<ReportSessionItem>? ReadJson(JsonReader reader, Type objectType, List<ReportSessionItem>? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        var token = JToken.Load(reader);
        if (token.Type == JTokenType.Null)
            return null;
        // The earlier form named the list's type: {"$type": …, "$values": [ … ]}.
        var entries = token is JObject wrapper && wrapper["$values"] is JArray values ? values : (JArray)token;
        var items = new List<ReportSessionItem>();
        foreach (var entry in entries.Cast<JObject>())
        {
            var department = (string?)entry[nameof(ReportSessionItem.Department)] ?? "";
            var note = (bool?)entry[nameof(ReportSessionItem.Note)] ?? false;
            if (entry[Tasks] is JArray run)
                items.AddRange(run.Select(task => new ReportSessionItem { TaskNumber = (int)task, Department = department, Note = note }));
            else
                items.Add(new ReportSessionItem { TaskNumber = (int)entry[nameof(ReportSessionItem.TaskNumber)]!, Department = department, Note = note });
        }
        return items;
    }
}
