/*
 * obp.h - Object manager internals shared by object.c and namespace.c.
 */

#ifndef OBP_H
#define OBP_H

#include "ob.h"

#define OB_TAG_TYPE         POOL_TAG('O', 'b', 'T', 'y')
#define OB_TAG_NAME         POOL_TAG('O', 'b', 'N', 'm')
#define OB_TAG_DIRECTORY    POOL_TAG('O', 'b', 'D', 'i')

KSTATUS ObpCopyName(KSTRING *Dest, const char *Source, size_t Length, uint32_t Tag);
KSTATUS ObpInitializeNamespace(void);

#endif /* OBP_H */
