import{a,b,c,d}from"./chunk-CDA2RNTL.js";import"./chunk-RG6KOCEM.js";import"./chunk-W3VLXJZX.js";export{a as PERMISSIONS,d as RoleEdit,c as Roles,b as roleLabel};
