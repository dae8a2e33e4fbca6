package io.faceclock.app;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has not delivered a whole request within the time, counted from when
 * it opened or from its last answer: a silent, half-sent or trickled request, or a kept-alive
 * connection left idle. Each open connection holds a file descriptor, and without a deadline they
 * pile up (Vert.x has no request read timeout, and its idle timeout would also cut a slow answer).
 * While the server works on a request it received whole, the clock does not run.
 */
final class RequestDeadline extends ChannelDuplexHandler {
    private final long millis;
    /** Requests received whole minus answers sent: below zero while a body goes on after its answer. */
    private int awaitingAnswer;
    private ScheduledFuture<?> deadline;

    RequestDeadline(long millis) {
        this.millis = millis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        arm(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof LastHttpContent) {
            if (++awaitingAnswer > 0) {
                disarm();
            } else {
                arm(ctx); // it was answered before its body ended (a 404): the client's turn again
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean informational = msg instanceof HttpResponse r
                && r.status().codeClass() == HttpStatusClass.INFORMATIONAL; // 100 Continue: the body comes next
        if (msg instanceof LastHttpContent && !informational && --awaitingAnswer <= 0) {
            arm(ctx);
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        deadline = ctx.executor().schedule(() -> ctx.close(), millis, TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
