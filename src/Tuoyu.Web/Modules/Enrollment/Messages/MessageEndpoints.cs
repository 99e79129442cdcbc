using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Enrollment.Messages;

internal static class MessageEndpoints
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        var c = app.MapGroup("/api/v1/children").WithTags("家园互动");
        c.MapGet("/{id:guid}/messages", (Guid id, int? page, int? pageSize, MessageHandler h, CancellationToken ct) => h.ThreadAsync(id, page, pageSize, ct))
            .RequirePermission(Permissions.MessageRead)
            .WithSummary("孩子的家园互动消息与班级通知（第1页为最新，页内按时间先后）");
        c.MapPost("/{id:guid}/messages", async (Guid id, MessageRequest r, MessageHandler h, CancellationToken ct) =>
            {
                var message = await h.SendAsync(id, r, ct);
                return TypedResults.Created($"/api/v1/children/{id}/messages", message);
            })
            .RequirePermission(Permissions.MessageSend)
            .WithSummary("发送家园互动消息（不可修改；最多1000字，可附 photoId）");
        c.MapPost("/{id:guid}/messages/read", (Guid id, MessageHandler h, CancellationToken ct) => h.MarkReadAsync(id, ct))
            .RequirePermission(Permissions.MessageRead)
            .WithSummary("将孩子的消息与通知标记为已读");
        app.MapPost("/api/v1/classes/{id:guid}/notices", async (Guid id, MessageRequest r, MessageHandler h, CancellationToken ct) =>
            {
                var notice = await h.NoticeAsync(id, r, ct);
                return TypedResults.Created($"/api/v1/classes/{id}/notices", notice);
            })
            .WithTags("家园互动").RequirePermission(Permissions.NoticeSend)
            .WithSummary("发布班级通知（在该班在托儿童的监护人可见）");
        app.MapGet("/api/v1/me/messages/unread", (MessageHandler h, CancellationToken ct) => h.UnreadAsync(ct))
            .WithTags("家园互动").RequirePermission(Permissions.MessageRead)
            .WithSummary("我的未读消息数（家长按孩子，机构按会话）");
        app.MapGet("/api/v1/messages/inbox", (string? search, int? page, int? pageSize, MessageHandler h, CancellationToken ct) =>
                h.InboxAsync(search, page, pageSize, ct))
            .WithTags("家园互动").RequirePermission(Permissions.NoticeSend)
            .WithSummary("机构消息收件箱（未读在前，可按儿童姓名搜索）");
        return app;
    }
}
