package io.govhub.core.shared;

/**
 * The stable error codes of the hub (as X-Road's {@code ErrorCodes}): one list, grouped by capability. A code never
 * changes meaning once released; callers may switch on it. HTTP answers carry it in problem+json ({@code code}),
 * SOAP faults in their detail.
 */
public enum ErrorCode {
    // request level: the protocol adapters raise these
    REQUEST_MALFORMED(ErrorKind.BAD_REQUEST, "请求体不是合法的 JSON 或格式错误", "The request body is malformed"),
    REQUEST_FIELD_INVALID(ErrorKind.BAD_REQUEST, "字段类型或取值错误", "A field has the wrong type or value"),
    REQUEST_FIELD_UNKNOWN(ErrorKind.BAD_REQUEST, "请求含有未知字段", "The request contains an unknown field"),
    REQUEST_PARAMETER_MISSING(ErrorKind.BAD_REQUEST, "缺少必需的参数", "A required parameter is missing"),
    REQUEST_PARAMETER_INVALID(ErrorKind.BAD_REQUEST, "参数取值错误", "A parameter has an invalid value"),
    REQUEST_PARAMETER_UNKNOWN(ErrorKind.BAD_REQUEST, "请求含有未知参数", "The request contains an unknown parameter"),
    REQUEST_ENCODING(ErrorKind.BAD_REQUEST, "请求体不是所声明的字符编码（应为 UTF-8）",
            "The request body is not in the declared character encoding (UTF-8 expected)"),
    REQUEST_TOO_LARGE(ErrorKind.TOO_LARGE, "请求体过大", "The request body is too large"),
    REQUEST_MEDIA_TYPE(ErrorKind.UNSUPPORTED_MEDIA, "不支持的内容类型或字符编码", "Unsupported media type or character encoding"),
    REQUEST_METHOD(ErrorKind.METHOD_NOT_ALLOWED, "不支持该请求方法", "Method not allowed"),
    RESOURCE_NOT_FOUND(ErrorKind.NOT_FOUND, "请求的资源不存在", "No such resource"),
    AUTHENTICATION_REQUIRED(ErrorKind.UNAUTHENTICATED, "需要登录或有效凭证", "Authentication required"),
    ACCESS_DENIED(ErrorKind.FORBIDDEN, "无权执行该操作", "Access denied"),
    RATE_LIMITED(ErrorKind.TOO_MANY_REQUESTS, "请求过于频繁，请稍后再试", "Too many requests; retry later"),
    SERVICE_UNAVAILABLE(ErrorKind.UNAVAILABLE, "服务暂时不可用，请稍后重试", "Service temporarily unavailable, retry later"),
    INTERNAL_ERROR(ErrorKind.INTERNAL, "系统内部错误，已记录", "Internal error; it has been logged"),

    // divisions and organisations
    DIVISION_CODE_MALFORMED(ErrorKind.BAD_REQUEST, "行政区划代码应为 6 位数字", "A division code is six digits"),
    DIVISION_NOT_FOUND(ErrorKind.NOT_FOUND, "行政区划代码不存在", "Unknown division code"),
    ORGANISATION_NOT_FOUND(ErrorKind.NOT_FOUND, "组织机构不存在", "Unknown organisation"),

    // identifiers
    IDENTIFIER_KIND_UNKNOWN(ErrorKind.BAD_REQUEST, "证照类型应为 uscc、org 或 id", "Identifier kind must be uscc, org or id"),

    // working-day calendar
    CALENDAR_YEAR_UNKNOWN(ErrorKind.UNPROCESSABLE, "该年度尚无官方节假日安排数据",
            "No official holiday notice is loaded for that year"),
    CALENDAR_RANGE_INVALID(ErrorKind.BAD_REQUEST, "日期范围或工作日数超出允许范围",
            "Date range or number of working days out of bounds"),
    CALENDAR_NOTICE_INVALID(ErrorKind.UNPROCESSABLE, "节假日安排数据不合法", "The holiday notice is invalid"),

    // service guides
    GUIDE_INVALID(ErrorKind.UNPROCESSABLE, "办事指南内容不完整或不合法", "The service guide is incomplete or invalid"),
    GUIDE_NOT_FOUND(ErrorKind.NOT_FOUND, "办事指南不存在或未公开", "No such (published) service guide"),
    GUIDE_VERSION_NOT_FOUND(ErrorKind.NOT_FOUND, "该版本不存在", "No such version of the guide"),
    GUIDE_CONFLICT(ErrorKind.CONFLICT, "办事指南已被他人修改，请刷新后重试",
            "The guide was changed by someone else; reload and try again"),
    GUIDE_STATE(ErrorKind.CONFLICT, "办事指南当前状态不允许该操作", "The guide's state does not allow this"),
    GUIDE_DUPLICATE(ErrorKind.CONFLICT, "该实施编码的事项已存在", "An item with this implementation code exists"),
    GUIDE_FORBIDDEN(ErrorKind.FORBIDDEN, "无权对该事项执行此操作", "Not allowed to do this to this item"),

    // credit records
    CREDIT_REPAIR_TOO_EARLY(ErrorKind.UNPROCESSABLE, "最短公示期未满，不能信用修复",
            "Credit repair is possible only after the minimum publicity period"),

    // one-network cases (一网通办)
    CASE_INVALID(ErrorKind.UNPROCESSABLE, "办件申请内容不完整或不合法", "The application is incomplete or invalid"),
    CASE_NOT_FOUND(ErrorKind.NOT_FOUND, "办件不存在", "No such case"),
    CASE_NO_HANDLER(ErrorKind.UNPROCESSABLE, "该事项在该行政区划没有办理系统",
            "No handling system is configured for this item in this division"),
    CASE_IDEMPOTENCY_KEY_REUSED(ErrorKind.CONFLICT, "该幂等键已用于另一份不同的申请",
            "This Idempotency-Key was used for a different application"),
    CASE_IDEMPOTENCY_KEY_MISSING(ErrorKind.BAD_REQUEST, "缺少 Idempotency-Key 请求头",
            "The Idempotency-Key header is missing or malformed"),
    CASE_STATE(ErrorKind.CONFLICT, "办件当前状态不允许该操作", "The case's state does not allow this"),
    CASE_STATUS_CONFLICT(ErrorKind.CONFLICT, "该序号的状态消息已收到且内容不同",
            "A different status message with this sequence number was already received"),
    CASE_STATUS_INVALID(ErrorKind.UNPROCESSABLE, "状态消息不完整或不合法", "The status message is incomplete or invalid"),
    MATERIAL_TYPE_NOT_ALLOWED(ErrorKind.UNSUPPORTED_MEDIA, "材料文件类型不允许（仅 PDF、JPEG、PNG）",
            "Material type not allowed (PDF, JPEG, PNG only)"),
    MATERIAL_NOT_FOUND(ErrorKind.UNPROCESSABLE, "引用的材料不存在或不属于当前用户",
            "A referenced material does not exist or belongs to someone else"),
    MATERIAL_INFECTED(ErrorKind.UNPROCESSABLE, "材料文件含有病毒或恶意代码，已拒收",
            "The material contains malware and was refused"),
    MATERIAL_SCAN_UNAVAILABLE(ErrorKind.UNAVAILABLE, "病毒扫描暂时不可用，材料未保存，请稍后重试",
            "The malware scan is unavailable; the material was not stored, retry later"),

    // partner systems, routing and delivery
    PARTNER_INVALID(ErrorKind.UNPROCESSABLE, "对接系统或路由配置不合法", "The partner system or routing rule is invalid"),
    PARTNER_NOT_FOUND(ErrorKind.NOT_FOUND, "对接系统不存在", "No such partner system"),
    DELIVERY_NOT_FOUND(ErrorKind.NOT_FOUND, "投递记录不存在或不在死信中", "No such delivery in the dead letter");

    private final ErrorKind kind;
    private final Text title;

    ErrorCode(ErrorKind kind, String zh, String en) {
        this.kind = kind;
        this.title = Text.of(zh, en);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** A short generic description of the code; the exception carries the specific message. */
    public Text title() {
        return title;
    }
}
