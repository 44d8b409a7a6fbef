import{a,b,c,d}from"./chunk-FS44BR77.js";import"./chunk-RYY4ZRXK.js";import"./chunk-NLWRR5JY.js";export{a as PERMISSIONS,d as RoleEdit,c as Roles,b as roleLabel};
