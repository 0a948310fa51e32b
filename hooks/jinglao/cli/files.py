"""Why a file could not be read or written, in the clerk's words rather than the system's."""

from __future__ import annotations

import errno

REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中间有一段不是文件夹",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "磁盘是只读的",
    errno.ENOSPC: "磁盘已满",
    errno.EBUSY: "文件正被其他程序占用",
    errno.ENAMETOOLONG: "文件名太长",
}


def os_reason(exc: OSError) -> str:
    return REASONS.get(exc.errno or 0, f"系统错误 {exc.errno}" if exc.errno else "系统错误")
