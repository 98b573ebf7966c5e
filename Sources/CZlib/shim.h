// CZlib: zlib (Debian zlib1g-dev, which libpng-dev already brings), for compressing a page's content stream at a
// chosen level: libharu 2.3.0 compresses every stream at zlib's default level and offers no setting.
#ifndef AMELI_CZLIB_SHIM_H
#define AMELI_CZLIB_SHIM_H
#include <zlib.h>
#endif
