import{a,b,c,d}from"./chunk-XOX6ZMZX.js";import"./chunk-H2GYPOK5.js";import"./chunk-NWDNQ3TV.js";export{a as PERMISSIONS,d as RoleEdit,c as Roles,b as roleLabel};
